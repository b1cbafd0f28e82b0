package dev.opsshell.agent.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes text a peer sent safe to print in a terminal or a log: every control character (C0, DEL
 * and C1, so ESC and CSI and with them every terminal escape sequence lose their power), every
 * invisible formatting character (bidi overrides, zero-width joiners), line and paragraph
 * separators, unpaired surrogates and private-use or unassigned code points are dropped, and the
 * text is cut to a maximum length. What is left is shown as it is: {@code "\u001b[2Jx"} becomes
 * {@code "[2Jx"}, harmless letters.
 */
public final class PeerText {
    private PeerText() {
    }

    /** {@code text} without unsafe characters, at most {@code max} code points (then {@code …}); null stays null. */
    public static String clean(String text, int max) {
        if (text == null) return null;
        StringBuilder s = new StringBuilder(Math.min(text.length(), max + 1));
        int kept = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!safe(c)) continue;
            if (kept == max) {
                s.append('…');
                break;
            }
            s.appendCodePoint(c);
            kept++;
        }
        return s.toString();
    }

    /** A map whose keys and values are cleaned, keeping at most {@code maxEntries} of them. */
    public static Map<String, String> clean(Map<String, String> map, int maxEntries, int maxKey, int maxValue) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map == null) return out;
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (out.size() == maxEntries) break;
            String k = clean(e.getKey(), maxKey);
            if (k == null || k.isEmpty()) continue;
            out.put(k, e.getValue() == null ? "" : clean(e.getValue(), maxValue));
        }
        return out;
    }

    /** Whether a code point may be printed as it is. */
    public static boolean safe(int c) {
        if (Character.isISOControl(c)) return false;
        return switch (Character.getType(c)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                 Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}

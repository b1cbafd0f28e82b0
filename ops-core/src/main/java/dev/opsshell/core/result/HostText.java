package dev.opsshell.core.result;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.NodeSet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host's text with the host itself taken out: its name, its address (with the port written after
 * it, {@code 10.0.0.5:2222} or {@code [::1]:2222}) and SSH key fingerprints become placeholders, so
 * thirty hosts that say the same thing about themselves compare equal and are shown once, with
 * the placeholders filled for all of them ({@code the host key of 10.0.0.[1-30]:22 …},
 * {@code acceptHostKeys("web[01-30]")}).
 *
 * @param shape  the text with a placeholder where each host-specific word was
 * @param values the words taken out, in the order they appeared
 */
record HostText(String shape, List<String> values) {
    private static final char SLOT = '\uE000';
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");
    /** Where a value is a key fingerprint that differs between hosts. */
    static final String EACH_OWN_KEY = "SHA256:… (each host its own key)";

    HostText {
        values = List.copyOf(values);
    }

    /** {@code text} as said by {@code host}, with the host taken out. */
    static HostText of(Host host, String text) {
        if (text.isEmpty()) return new HostText("", List.of());
        List<String> tokens = new ArrayList<>();
        tokens.add(host.name());
        if (!host.address().equals(host.name())) tokens.add(host.address());
        tokens.sort((a, b) -> b.length() - a.length()); // root@10.0.0.5 before 10.0.0.5
        StringBuilder shape = new StringBuilder();
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = matchAt(text, i, tokens);
            if (end > i) {
                slot(shape, values, text.substring(i, end));
                i = port(text, end, shape, values);
                continue;
            }
            Matcher fp = FINGERPRINT.matcher(text).region(i, text.length());
            if (fp.lookingAt()) {
                slot(shape, values, fp.group());
                i = fp.end();
                continue;
            }
            shape.append(text.charAt(i++));
        }
        return new HostText(shape.toString(), values);
    }

    /** The shape with each placeholder filled for a group: the word itself when all agree, else their node set. */
    static String fill(List<HostText> group) {
        HostText first = group.get(0);
        StringBuilder s = new StringBuilder();
        int slot = 0;
        for (char c : first.shape.toCharArray()) {
            if (c != SLOT) {
                s.append(c);
                continue;
            }
            LinkedHashSet<String> words = new LinkedHashSet<>();
            for (HostText t : group) words.add(t.values.get(slot));
            slot++;
            if (words.size() == 1) s.append(words.iterator().next());
            else if (FINGERPRINT.matcher(words.iterator().next()).matches()) s.append(EACH_OWN_KEY);
            else s.append(NodeSet.fold(new ArrayList<>(words)));
        }
        return s.toString();
    }

    private static void slot(StringBuilder shape, List<String> values, String word) {
        shape.append(SLOT);
        values.add(word);
    }

    /** After an address: {@code :2222} or {@code ]:2222} is the port, taken out as well. */
    private static int port(String text, int at, StringBuilder shape, List<String> values) {
        int colon = text.startsWith("]:", at) ? at + 2 : text.startsWith(":", at) ? at + 1 : -1;
        if (colon < 0) return at;
        int end = colon;
        while (end < text.length() && Character.isDigit(text.charAt(end)) && end - colon < 5) end++;
        if (end == colon || (end < text.length() && Character.isLetterOrDigit(text.charAt(end)))) return at;
        shape.append(text, at, colon);
        slot(shape, values, text.substring(colon, end));
        return end;
    }

    /** The end of a token found at {@code i} as a whole word, or {@code i} when none is. */
    private static int matchAt(String text, int i, List<String> tokens) {
        if (i > 0 && isWordChar(text.charAt(i - 1))) return i;
        for (String t : tokens) {
            if (!text.startsWith(t, i)) continue;
            int end = i + t.length();
            if (end < text.length() && isWordChar(text.charAt(end)) && !endsSentence(text, end)) continue;
            return end;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    /** A dot after a word that ends the sentence (followed by a space or the end) is not part of the word. */
    private static boolean endsSentence(String text, int at) {
        return text.charAt(at) == '.' && (at + 1 == text.length() || Character.isWhitespace(text.charAt(at + 1)));
    }
}

package dev.opsshell.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The help table laid out for a terminal {@code columns} wide: each description wrapped under its
 * own column, and a usage too long to leave a description room of its own on a line by itself, the
 * description below it. Without a width (0: a pipe, a script) every entry is one line, as grep wants.
 */
final class HelpLayout {
    /** The narrowest a description column may get before long usages move to a line of their own. */
    static final int MIN_DESCRIPTION = 40;

    private HelpLayout() {
    }

    static String render(Map<String, Map<String, String>> table, List<String> trailer, int columns) {
        int widest = table.values().stream().flatMap(m -> m.keySet().stream()).mapToInt(String::length).max().orElse(10);
        int usageWidth = columns <= 0 ? widest : Math.max(10, Math.min(widest, columns - 4 - MIN_DESCRIPTION));
        int at = usageWidth + 4; // "  " usage "  "
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Map<String, String>> section : table.entrySet()) {
            s.append(String.join("\n  ", wrap(section.getKey(), columns <= 0 ? Integer.MAX_VALUE : Math.max(20, columns - 2)))).append('\n');
            section.getValue().forEach((usage, text) -> {
                s.append("  ").append(usage);
                if (usage.length() > usageWidth) s.append('\n').append(" ".repeat(at));
                else s.append(" ".repeat(usageWidth - usage.length() + 2));
                List<String> lines = wrap(text, columns <= 0 ? Integer.MAX_VALUE : Math.max(20, columns - at));
                s.append(String.join("\n" + " ".repeat(at), lines)).append('\n');
            });
        }
        for (String line : trailer) {
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            int width = columns <= 0 ? Integer.MAX_VALUE : Math.max(20, columns - indent.length() - 2);
            s.append(indent).append(String.join("\n" + indent + "  ", wrap(line, width))).append('\n');
        }
        return s.toString();
    }

    /** {@code text} cut at spaces into lines of at most {@code width} (a longer word keeps a line to itself). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}

package dev.opsshell.core.result;

import dev.opsshell.core.host.NodeSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders results for people: a title, one ✔/✗ line per group of hosts whose output is the same
 * ({@code web[01-03,07] (4)}), the output indented beneath, and a summary line.
 */
final class PrettyFormat {
    /** Lines of output shown per group; the rest is counted, and is in the result itself. */
    static final int MAX_LINES = 20;

    private PrettyFormat() {
    }

    static String render(Results results) {
        StringBuilder s = new StringBuilder();
        s.append(results.title()).append('\n');
        Map<Key, List<String>> groups = new LinkedHashMap<>();
        for (Result r : results) {
            groups.computeIfAbsent(Key.of(r), k -> new ArrayList<>()).add(r.host().name());
        }
        for (Map.Entry<Key, List<String>> g : groups.entrySet()) {
            Key k = g.getKey();
            List<String> names = g.getValue();
            s.append(k.ok ? "✔ " : "✗ ").append(NodeSet.fold(names));
            if (names.size() > 1) s.append(" (").append(names.size()).append(')');
            if (!k.ok) s.append("  ").append(k.what);
            s.append('\n');
            appendIndented(s, k.text);
            if (k.truncated) s.append("    [output truncated at the cap; raise it with outputCap(…)]\n");
        }
        if (results.size() == 0) s.append("  (no hosts)\n");
        s.append(summary(results)).append('\n');
        return s.toString();
    }

    private static void appendIndented(StringBuilder s, String text) {
        if (text.isBlank()) return;
        String[] lines = text.stripTrailing().split("\n", -1);
        int shown = Math.min(lines.length, MAX_LINES);
        for (int i = 0; i < shown; i++) s.append("    ").append(lines[i]).append('\n');
        if (lines.length > shown) {
            s.append("    … ").append(lines.length - shown).append(" more lines\n");
        }
    }

    static String summary(Results results) {
        Map<Outcome, List<Result>> by = results.byOutcome();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Outcome, List<Result>> e : by.entrySet()) {
            parts.add(e.getValue().size() + " " + e.getKey().label());
        }
        if (parts.isEmpty()) parts.add("0 hosts");
        return String.join(", ", parts) + " · " + String.format(Locale.ROOT, "%.2f s", results.wall().toMillis() / 1000.0);
    }

    /** Hosts group together when they ended the same way with the same text to show. */
    private record Key(boolean ok, String what, String text, boolean truncated) {
        static Key of(Result r) {
            String what = switch (r.outcome()) {
                case OK -> "";
                case FAILED -> "exit " + r.exitCode();
                default -> r.outcome().label() + ": " + r.message();
            };
            String text = r.outcome().isConnectionProblem() ? "" : r.summary();
            return new Key(r.ok(), what, text, r.truncated());
        }
    }
}

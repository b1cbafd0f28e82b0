package dev.opsshell.core.result;

import dev.opsshell.core.host.NodeSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders results for people: a title, one ✔/✗ line per group of hosts that ended the same way and
 * said the same thing apart from naming themselves ({@code web[01-03,07] (4)}), what they said
 * indented beneath (a problem's message, stdout, stderr marked as such), and a summary line.
 * Without colour stderr lines are labelled {@code stderr: }; with colour they are red instead.
 */
final class PrettyFormat {
    /** Lines of output shown per group; the rest is counted, and is in the result itself. */
    static final int MAX_LINES = 20;
    static final String STDERR_LABEL = "stderr: ";
    private static final String RED = "\033[31m";
    private static final String RESET = "\033[0m";

    private PrettyFormat() {
    }

    static String render(Results results, boolean colour) {
        StringBuilder s = new StringBuilder();
        s.append(results.title()).append('\n');
        Map<Key, List<Shown>> groups = new LinkedHashMap<>();
        for (Result r : results) {
            Shown shown = Shown.of(r);
            groups.computeIfAbsent(shown.key(), k -> new ArrayList<>()).add(shown);
        }
        for (Map.Entry<Key, List<Shown>> g : groups.entrySet()) {
            Key k = g.getKey();
            List<Shown> members = g.getValue();
            s.append(k.ok ? "✔ " : "✗ ").append(NodeSet.fold(members.stream().map(m -> m.host).toList()));
            if (members.size() > 1) s.append(" (").append(members.size()).append(')');
            if (!k.what.isEmpty()) s.append("  ").append(k.what);
            s.append('\n');
            int room = appendIndented(s, fill(members, Shown::message), "", MAX_LINES, false);
            room = appendIndented(s, fill(members, Shown::stdout), "", room, false);
            appendIndented(s, fill(members, Shown::stderr), colour ? "" : STDERR_LABEL, room, colour);
            if (k.truncated) s.append("    [output truncated at the cap; raise it with outputCap(…)]\n");
        }
        if (results.size() == 0) s.append("  (no hosts)\n");
        s.append(summary(results)).append('\n');
        return s.toString();
    }

    private static String fill(List<Shown> members, java.util.function.Function<Shown, HostText> part) {
        return HostText.fill(members.stream().map(part).toList());
    }

    /** Appends up to {@code room} lines of {@code text}, indented; returns the room left. */
    private static int appendIndented(StringBuilder s, String text, String label, int room, boolean red) {
        if (text.isBlank()) return room;
        String[] lines = text.stripTrailing().split("\n", -1);
        int shown = Math.max(0, Math.min(lines.length, room));
        for (int i = 0; i < shown; i++) {
            s.append("    ");
            if (red) s.append(RED).append(lines[i]).append(RESET);
            else s.append(label).append(lines[i]);
            s.append('\n');
        }
        if (lines.length > shown) {
            s.append("    … ").append(lines.length - shown).append(" more lines").append(label.isEmpty() ? "" : " of stderr")
                    .append('\n');
        }
        return room - shown;
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

    /** Hosts group together when they ended the same way and said the same, apart from naming themselves. */
    private record Key(boolean ok, String what, String message, String stdout, String stderr, boolean truncated) {
    }

    /** What one host's result shows, by part, with the host taken out of each. */
    private record Shown(String host, Key key, HostText message, HostText stdout, HostText stderr) {
        static Shown of(Result r) {
            boolean problem = r.outcome().isConnectionProblem();
            String what = switch (r.outcome()) {
                case OK -> "";
                case FAILED -> "exit " + r.exitCode();
                default -> r.outcome().label();
            };
            // as Result.summary(): a success shows stdout (its stderr only when stdout is empty), anything else both
            String out = r.stdout();
            String err = r.ok() && !r.stdout().isBlank() ? "" : r.stderr();
            HostText message = HostText.of(r.host(), problem ? r.message() : "");
            HostText stdout = HostText.of(r.host(), out);
            HostText stderr = HostText.of(r.host(), err);
            Key key = new Key(r.ok(), what, message.shape(), stdout.shape(), stderr.shape(), r.truncated());
            return new Shown(r.host().name(), key, message, stdout, stderr);
        }
    }
}

package dev.opsshell.core.history;

import dev.opsshell.core.text.Columns;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** How recorded runs read: a table of runs (newest first) and one run in detail, host by host. */
final class RunText {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int WIDTH = 40;
    private static final int DETAIL_LINES = 20;

    private RunText() {
    }

    static String table(List<RunRecord> runs) {
        if (runs.isEmpty()) return "no runs recorded that match\n";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "WHEN", "", "OPERATION", "TARGET", "HOSTS", "FAILED", "EXIT", "TIME", "FROM", "WHO"});
        for (RunRecord r : runs) {
            rows.add(new String[] {Long.toString(r.id()), WHEN.format(r.finished()), r.ok() ? "✔" : "✗",
                    clip(r.operation()), clip(r.target()), Integer.toString(r.hosts()), Integer.toString(r.failed()),
                    Integer.toString(r.exitCode()), seconds(r.duration()), from(r.source()), r.who()});
        }
        return Columns.render(rows);
    }

    static String detail(RunDetail d) {
        RunRecord r = d.run();
        StringBuilder s = new StringBuilder();
        s.append("run #").append(r.id()).append(' ').append(r.ok() ? "✔" : "✗").append(' ').append(r.operation())
                .append(" on ").append(r.target()).append(r.via().isEmpty() ? "" : " via " + r.via()).append('\n');
        s.append("  when   ").append(WHEN.format(r.started())).append(" · ").append(seconds(r.duration())).append('\n');
        s.append("  who    ").append(r.who()).append('\n');
        s.append("  from   ").append(kind(r.source()))
                .append(r.source().detail().isEmpty() ? "" : ": " + oneLine(r.source().detail())).append('\n');
        s.append("  result ").append(r.hosts()).append(r.hosts() == 1 ? " host, " : " hosts, ").append(r.failed()).append(" failed, exit ")
                .append(r.exitCode()).append(r.transport().isEmpty() ? "" : " · " + r.transport()).append('\n');
        s.append("  rerun  ").append(Rerun.howTo(r)).append('\n');
        for (HostRecord h : d.hosts()) {
            s.append(h.ok() ? "✔ " : "✗ ").append(h.host()).append(' ')
                    .append(h.outcome() == dev.opsshell.core.result.Outcome.FAILED ? "exit " + h.exitCode() : h.outcome().label())
                    .append(" (").append(h.duration().toMillis()).append(" ms").append(h.transport().isEmpty() ? "" : ", " + h.transport())
                    .append(")").append(h.truncated() ? " [output truncated]" : "").append('\n');
            indent(s, h.message(), "");
            indent(s, h.stdout(), "");
            indent(s, h.stderr(), "stderr: ");
        }
        return s.toString();
    }

    private static void indent(StringBuilder s, String text, String label) {
        if (text.isBlank()) return;
        String[] lines = text.stripTrailing().split("\n", -1);
        int shown = Math.min(lines.length, DETAIL_LINES);
        for (int i = 0; i < shown; i++) s.append("    ").append(label).append(lines[i]).append('\n');
        if (lines.length > shown) {
            s.append("    … ").append(lines.length - shown).append(" more lines (the whole text: .hosts().get(i).")
                    .append(label.isEmpty() ? "stdout" : "stderr").append("())\n");
        }
    }

    /** The source's kind in a word: shell, script, command, schedule, api. */
    static String kind(RunSource source) {
        return switch (source.kind()) {
            case SHELL -> "shell";
            case SCRIPT -> "script";
            case ONE_LINER -> "command";
            case SCHEDULE -> "schedule";
            case API -> "api";
        };
    }

    static String from(RunSource source) {
        String kind = kind(source);
        return source.kind() == RunSource.Kind.SHELL || source.detail().isEmpty() ? kind : kind + " " + clip(oneLine(source.detail()));
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }

    private static String oneLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " …";
    }

    private static String clip(String text) {
        String t = oneLine(text);
        return t.length() > WIDTH ? t.substring(0, WIDTH - 1) + "…" : t;
    }

}

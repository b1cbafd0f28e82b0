package dev.opsshell.core.report;

import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.result.Outcome;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The last runs as an HTML table: when, operation, target, source, ✔ and ✗ counts (the ✗ split by
 * outcome), exit code and duration. A snippet's or one-liner's code is not shown (only that it came
 * from the shell or a one-liner): code typed at a prompt may hold a secret. Scripts and schedules
 * show their path or name.
 */
final class RunsTable {
    private RunsTable() {
    }

    static String render(List<RunSummary> runs, ZoneId zone) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
        StringBuilder s = new StringBuilder("<table class=\"runs\"><thead><tr><th>started</th><th>operation</th>"
                + "<th>target</th><th>source</th><th>hosts</th><th>exit</th><th>duration</th></tr></thead><tbody>");
        for (RunSummary r : runs) {
            s.append("<tr class=\"run ").append(r.failed() == 0 && r.exitCode() == 0 ? "ok" : "failed")
                    .append("\" data-run-id=\"").append(Html.escape(r.id())).append("\">")
                    .append("<td class=\"started\">").append(when.format(r.started())).append("</td>")
                    .append("<td class=\"operation\">").append(Html.escape(r.operation())).append("</td>")
                    .append("<td class=\"target\">").append(Html.escape(r.target())).append("</td>")
                    .append("<td class=\"source\">").append(Html.escape(source(r.source()))).append("</td>")
                    .append("<td class=\"outcomes\"><span class=\"ok-count\">✔ ").append(r.ok()).append("</span>");
            if (r.failed() > 0) {
                s.append(" <span class=\"failed-count\">✗ ").append(r.failed()).append("</span> <span class=\"failures\">")
                        .append(Html.escape(failures(r.outcomes()))).append("</span>");
            }
            s.append("</td><td class=\"exit\">").append(r.exitCode()).append("</td>")
                    .append("<td class=\"duration\">").append(duration(r.duration())).append("</td></tr>");
        }
        return s.append("</tbody></table>").toString();
    }

    /** {@code shell}, {@code one-liner}, {@code script deploy.jsh}, {@code schedule disk-check}. */
    static String source(RunSource source) {
        return switch (source.kind()) {
            case SHELL -> "shell";
            case ONE_LINER -> "one-liner";
            case API -> "api";
            case SCRIPT -> ("script " + source.detail()).strip();
            case SCHEDULE -> ("schedule " + source.detail()).strip();
        };
    }

    /** {@code 2 unreachable, 1 non-zero exit}. */
    static String failures(Map<Outcome, Integer> outcomes) {
        return outcomes.entrySet().stream().filter(e -> e.getKey() != Outcome.OK)
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
    }

    /** {@code 340 ms}, {@code 2.5 s}, {@code 3m 05s}. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms < 60_000) return Values.plain(ms / 1000.0) + " s";
        return String.format(Locale.ROOT, "%dm %02ds", d.toMinutes(), d.toSecondsPart());
    }
}

package dev.opsshell.remote.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsshell.core.host.Host;

import java.util.List;
import java.util.Map;

/** How a check report reads: pretty (per host, ✔/✗ with observed next to expected), JSON lines, TAP. */
final class CheckFormats {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckFormats() {
    }

    static String pretty(CheckReport report) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Host, List<CheckResult>> e : report.byHost().entrySet()) {
            List<CheckResult> mine = e.getValue();
            long bad = mine.stream().filter(c -> c.verdict() == Verdict.FAIL || c.verdict() == Verdict.ERROR).count();
            b.append(bad == 0 ? "✔ " : "✗ ").append(e.getKey().name()).append(": ")
                    .append(mine.size() - bad).append('/').append(mine.size()).append(" passed\n");
            for (CheckResult c : mine) b.append("  ").append(c.line()).append('\n');
        }
        b.append(summary(report)).append('\n');
        return b.toString();
    }

    /** {@code checks: 22 on 2 hosts, 20 passed, 2 failed · 0.31 s} (counts of none left out, as Results do). */
    static String summary(CheckReport report) {
        int hosts = report.byHost().size();
        StringBuilder b = new StringBuilder("checks: ").append(report.results().size()).append(" on ").append(hosts)
                .append(hosts == 1 ? " host, " : " hosts, ").append(report.count(Verdict.PASS)).append(" passed");
        if (report.count(Verdict.FAIL) > 0) b.append(", ").append(report.count(Verdict.FAIL)).append(" failed");
        if (report.count(Verdict.ERROR) > 0) b.append(", ").append(report.count(Verdict.ERROR)).append(" errors");
        if (report.count(Verdict.SKIP) > 0) b.append(", ").append(report.count(Verdict.SKIP)).append(" skipped");
        return b.append(String.format(java.util.Locale.ROOT, " · %.2f s", report.runs().wall().toMillis() / 1000.0)).toString();
    }

    static String json(CheckReport report) {
        StringBuilder b = new StringBuilder();
        for (CheckResult c : report.results()) {
            ObjectNode o = JSON.createObjectNode();
            o.put("host", c.host().name());
            o.put("resource", c.check().subject().kind().goss());
            o.put("id", c.check().subject().id());
            o.put("attribute", c.check().attribute());
            if (!c.check().title().isEmpty()) o.put("title", c.check().title());
            if (!c.check().meta().isEmpty()) o.set("meta", JSON.valueToTree(c.check().meta()));
            o.put("result", c.verdict().name().toLowerCase(java.util.Locale.ROOT));
            o.put("expected", c.expected());
            o.put("observed", c.observed());
            if (!c.message().isEmpty()) o.put("message", c.message());
            b.append(o).append('\n');
        }
        return b.toString();
    }

    static String tap(CheckReport report) {
        StringBuilder b = new StringBuilder("TAP version 13\n1..").append(report.results().size()).append('\n');
        int n = 0;
        for (CheckResult c : report.results()) {
            n++;
            String name = c.host().name() + " " + c.check().name();
            switch (c.verdict()) {
                case PASS -> b.append("ok ").append(n).append(" - ").append(name).append(" ").append(c.expected());
                case SKIP -> b.append("ok ").append(n).append(" - ").append(name).append(" # SKIP");
                case FAIL -> b.append("not ok ").append(n).append(" - ").append(name).append(": expected ")
                        .append(c.expected()).append(", observed ").append(c.observed());
                case ERROR -> b.append("not ok ").append(n).append(" - ").append(name).append(": ").append(c.message());
            }
            b.append('\n');
        }
        return b.toString();
    }
}

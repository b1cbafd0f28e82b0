package dev.opsshell.remote.check;

import dev.opsshell.core.host.Host;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML for CI: a {@code <testsuite>} per host, a {@code <testcase>} per check whose
 * classname ({@code host.Kind}) and name ({@code id: attribute}, numbered when a check repeats)
 * are unique, since CI systems drop cases with the same pair. A failure's message carries the
 * expected and the observed value.
 */
final class JunitReport {
    private JunitReport() {
    }

    static String xml(CheckReport report) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        Map<Host, List<CheckResult>> by = report.byHost();
        b.append("<testsuites name=\"ops check\" tests=\"").append(report.results().size())
                .append("\" failures=\"").append(report.count(Verdict.FAIL))
                .append("\" errors=\"").append(report.count(Verdict.ERROR))
                .append("\" skipped=\"").append(report.count(Verdict.SKIP)).append("\">\n");
        for (Map.Entry<Host, List<CheckResult>> e : by.entrySet()) {
            List<CheckResult> mine = e.getValue();
            String host = e.getKey().name();
            double seconds = report.runs().list().stream().filter(r -> r.host().equals(e.getKey()))
                    .findFirst().map(r -> r.duration().toMillis() / 1000.0).orElse(0.0);
            b.append("  <testsuite name=\"").append(esc(host)).append("\" tests=\"").append(mine.size())
                    .append("\" failures=\"").append(count(mine, Verdict.FAIL))
                    .append("\" errors=\"").append(count(mine, Verdict.ERROR))
                    .append("\" skipped=\"").append(count(mine, Verdict.SKIP))
                    .append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", seconds)).append("\">\n");
            Map<String, Integer> seen = new HashMap<>();
            for (CheckResult c : mine) {
                String classname = host + "." + c.check().subject().kind().label();
                String name = (c.check().title().isEmpty() ? "" : c.check().title() + ": ")
                        + c.check().subject().id() + ": " + c.check().attribute();
                int n = seen.merge(classname + "\u0000" + name, 1, Integer::sum);
                if (n > 1) name = name + " #" + n;
                b.append("    <testcase classname=\"").append(esc(classname)).append("\" name=\"").append(esc(name)).append('"');
                switch (c.verdict()) {
                    case PASS -> b.append("/>\n");
                    case SKIP -> b.append("><skipped/></testcase>\n");
                    case FAIL -> b.append("><failure message=\"").append(esc("expected " + c.expected() + ", observed " + c.observed()))
                            .append("\" type=\"").append(esc(c.check().attribute())).append("\">")
                            .append(esc(c.line())).append("</failure></testcase>\n");
                    case ERROR -> b.append("><error message=\"").append(esc(c.message())).append("\">")
                            .append(esc(c.line())).append("</error></testcase>\n");
                }
            }
            b.append("  </testsuite>\n");
        }
        return b.append("</testsuites>\n").toString();
    }

    private static long count(List<CheckResult> l, Verdict v) {
        return l.stream().filter(c -> c.verdict() == v).count();
    }

    /** XML text: the five entities, and control characters XML 1.0 cannot carry dropped. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n' -> b.append("&#10;");
                case '\t' -> b.append("&#9;");
                default -> {
                    if (ch >= 0x20 || ch == '\r') b.append(ch);
                }
            }
        }
        return b.toString();
    }
}

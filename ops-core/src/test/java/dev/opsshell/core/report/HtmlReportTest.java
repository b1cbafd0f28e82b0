package dev.opsshell.core.report;

import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.result.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    static Sample sample(String host, String metric, String field, String label, double v, int secondsIn) {
        return new Sample(host, metric, field, label, v, T.plusSeconds(secondsIn));
    }

    static String html(List<Sample> samples, List<RunSummary> runs) {
        return new Report(samples, runs, T.minusSeconds(3600), T.plusSeconds(600), T.plusSeconds(600)).html(ZoneOffset.UTC);
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void oneChartPerHostAndSeriesWithItsMinMaxAndLastValue() {
        String page = html(List.of(
                sample("web1", "cpu", "user", "", 10, 0), sample("web1", "cpu", "user", "", 30, 5), sample("web1", "cpu", "user", "", 20, 10),
                sample("web2", "cpu", "user", "", 5, 0),
                sample("web1", "disk", "used_pct", "/var", 71, 0), sample("web2", "disk", "used_pct", "/var", 40, 0)), List.of());
        assertEquals(4, count(page, "<figure class=\"chart\""), page);
        assertTrue(page.contains("data-host=\"web1\" data-metric=\"cpu\" data-field=\"user\" data-label=\"\" data-points=\"3\""), page);
        assertTrue(page.contains("min <b class=\"min\">10 %</b> max <b class=\"max\">30 %</b> last <b class=\"last\">20 %</b>"), page);
        assertTrue(page.contains("<span class=\"host\">web2</span> <span class=\"series\">used_pct /var</span>"), page);
        assertEquals(2, count(page, "<section class=\"family\""), "a section per metric family: " + page);
        assertTrue(page.contains("time (Z)"), "the x axis is labelled: " + page);
    }

    @Test
    void hostAndLabelNamesAreTextNeverMarkup() {
        String page = html(List.of(sample("<script>alert(1)</script>", "net", "rx_bytes_per_s", "\"><img src=x>", 1, 0)),
                List.of(new RunSummary("1", T, "<b>exec</b>", "web&db", RunSource.shell("secret-password"),
                        Map.of(Outcome.OK, 1), 0, Duration.ofMillis(5))));
        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("<img"), page);
        assertFalse(page.contains("<b>exec"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertFalse(page.contains("secret-password"), "a snippet's code is not shown: " + page);
    }

    @Test
    void theContentSecurityPolicyAllowsExactlyThePagesOwnStyleSheetAndNothingElse() {
        String page = html(List.of(sample("web1", "load", "1m", "", 0.5, 0)), List.of());
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page);
        assertTrue(style.find(), page);
        String policy = "default-src 'none'; style-src '" + HtmlReport.sha256(style.group(1)) + "'; base-uri 'none'; form-action 'none'";
        assertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">"), page);
        assertFalse(page.contains("<script"), page);
        assertFalse(Pattern.compile("(src|href)=").matcher(page).find(), "nothing to fetch: " + page);
        assertEquals(1, count(page, "http://"), "only the SVG namespace names a URL: " + page);
    }

    @Test
    void anEmptyStoreGivesAPageThatSaysSo() {
        String page = html(List.of(), List.of());
        assertTrue(page.contains("<p class=\"empty\" id=\"no-samples\">No samples between 2026-12-01 09:00:00 and 2026-12-01 10:10:00."), page);
        assertTrue(page.contains("<p class=\"empty\" id=\"no-runs\">No runs between"), page);
        assertTrue(page.endsWith("</section></body></html>\n"), page);
    }

    @Test
    void runsShowTheirOutcomesExitCodeDurationAndSource() {
        String page = html(List.of(), List.of(
                new RunSummary("7", T, "exec uptime", "web", RunSource.schedule("uptime-check"),
                        Map.of(Outcome.OK, 3, Outcome.UNREACHABLE, 2, Outcome.FAILED, 1), 4, Duration.ofMillis(2500)),
                new RunSummary("6", T.minusSeconds(60), "facts", "all", RunSource.script("deploy.jsh"),
                        Map.of(Outcome.OK, 2), 0, Duration.ofMillis(340))));
        assertTrue(page.contains("<tr class=\"run failed\" data-run-id=\"7\">"), page);
        assertTrue(page.contains("<span class=\"ok-count\">✔ 3</span> <span class=\"failed-count\">✗ 3</span> "
                + "<span class=\"failures\">1 non-zero exit, 2 unreachable</span>"), page);
        assertTrue(page.contains("<td class=\"exit\">4</td><td class=\"duration\">2.5 s</td>"), page);
        assertTrue(page.contains("<td class=\"source\">schedule uptime-check</td>"), page);
        assertTrue(page.contains("<tr class=\"run ok\" data-run-id=\"6\">"), page);
        assertTrue(page.contains("<td class=\"duration\">340 ms</td>"), page);
    }

    @Test
    void aLongSeriesIsThinnedToTheLowestAndHighestOfEachSliceSoSpikesStay() {
        List<Sample> many = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) many.add(sample("web1", "load", "1m", "", i == 2500 ? 99 : 1, i));
        String page = html(many, List.of());
        Matcher line = Pattern.compile("<polyline class=\"line\" points=\"([^\"]*)\"").matcher(page);
        assertTrue(line.find());
        int points = line.group(1).trim().split(" ").length;
        assertTrue(points <= SvgChart.MAX_LINE_POINTS, "points: " + points);
        assertTrue(page.contains("max <b class=\"max\">99</b>"), page.substring(0, 3000));
        assertEquals(1, count(page, "<circle"), "only the last point is marked past " + SvgChart.MAX_MARKERS);
        assertTrue(line.group(1).contains("," + SvgChart.fmt(SvgChart.y(99, 0, 100)) + " "),
                "the spike is on the line");
    }
}

package dev.opsshell.remote.web;

import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.report.ChartSeries;
import dev.opsshell.core.report.RunSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a report open in a real browser must show, checked from what the browser rendered: a
 * chart per host and series (metrics × hosts), each chart's points the samples (same values and
 * times, in order, drawn left to right and higher for larger values), min/max/last, the runs'
 * rows with their outcomes, the page's style applied (its CSP hash matched) and no request but
 * the page itself.
 */
public final class ReportPageChecks {
    private ReportPageChecks() {
    }

    public static void assertShows(Browser b, String pageUrl, List<Sample> samples, List<RunSummary> runs) throws IOException {
        List<ChartSeries> series = ChartSeries.of(samples);
        Set<String> metrics = samples.stream().map(s -> s.metric() + "/" + s.field() + "/" + s.label()).collect(Collectors.toSet());
        Set<String> hosts = samples.stream().map(Sample::host).collect(Collectors.toSet());
        List<WebElement> figures = b.all("figure.chart");
        assertEquals(metrics.size() * hosts.size(), figures.size(), "a chart per metric and host");
        assertEquals(series.size(), figures.size());
        for (WebElement f : figures) {
            ChartSeries expected = series.stream().filter(c -> c.host().equals(f.getAttribute("data-host"))
                    && c.metric().equals(f.getAttribute("data-metric")) && c.field().equals(f.getAttribute("data-field"))
                    && c.label().equals(f.getAttribute("data-label"))).findFirst().orElseThrow(
                    () -> new AssertionError("a chart for no series: " + f.getAttribute("outerHTML").substring(0, 200)));
            assertChart(b, f, expected);
        }
        assertRuns(b, runs);
        assertSelfContained(b, pageUrl);
        if (!figures.isEmpty()) assertDrawn(b, figures.get(0));
    }

    static void assertChart(Browser b, WebElement f, ChartSeries expected) {
        String what = expected.host() + " " + expected.title();
        assertTrue(f.isDisplayed(), what);
        assertEquals(expected.host(), f.findElement(By.cssSelector("figcaption .host")).getText(), what);
        List<WebElement> points = f.findElements(By.cssSelector("circle.point"));
        assertEquals(expected.points().size(), points.size(), what + ": one point per sample");
        double lastX = -1;
        for (int i = 0; i < points.size(); i++) {
            Sample s = expected.points().get(i);
            WebElement p = points.get(i);
            assertEquals(s.value(), Double.parseDouble(p.getAttribute("data-value")), 1e-9, what + " point " + i);
            assertEquals(s.at().toString(), p.getAttribute("data-at"), what + " point " + i);
            double x = Double.parseDouble(p.getAttribute("cx"));
            assertTrue(x > lastX, what + ": points left to right in time");
            lastX = x;
        }
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < points.size(); j++) {
                double vi = expected.points().get(i).value();
                double vj = expected.points().get(j).value();
                double yi = Double.parseDouble(points.get(i).getAttribute("cy"));
                double yj = Double.parseDouble(points.get(j).getAttribute("cy"));
                if (vi > vj) assertTrue(yi < yj, what + ": a larger value is drawn higher");
            }
        }
        String[] line = f.findElement(By.cssSelector("polyline.line")).getAttribute("points").trim().split(" ");
        assertEquals(points.size(), line.length, what + ": the line goes through every point");
        for (int i = 0; i < line.length; i++) {
            assertEquals(points.get(i).getAttribute("cx") + "," + points.get(i).getAttribute("cy"), line[i], what + " line point " + i);
        }
        String unit = expected.metric().equals("load") ? "" : " %";
        assertEquals(plain(expected.min()) + unit, f.findElement(By.cssSelector(".stats .min")).getText(), what);
        assertEquals(plain(expected.max()) + unit, f.findElement(By.cssSelector(".stats .max")).getText(), what);
        assertEquals(plain(expected.last().value()) + unit, f.findElement(By.cssSelector(".stats .last")).getText(), what);
        List<WebElement> xTicks = f.findElements(By.cssSelector("text.x-tick"));
        assertEquals(2, xTicks.size(), what + ": the time axis says where it starts and ends");
        assertTrue(f.findElement(By.cssSelector("text.x-title")).getText().startsWith("time ("), what);
        assertEquals(3, f.findElements(By.cssSelector("text.y-tick")).size(), what + ": the value axis is labelled");
        Number width = (Number) b.js("return arguments[0].querySelector('svg').getBoundingClientRect().width", f);
        assertTrue(width.doubleValue() > 300, what + ": the chart is drawn at its size, width " + width);
    }

    static void assertRuns(Browser b, List<RunSummary> runs) {
        List<WebElement> rows = b.all("table.runs tbody tr");
        assertEquals(runs.size(), rows.size(), "a row per run");
        for (int i = 0; i < runs.size(); i++) {
            RunSummary r = runs.get(i);
            WebElement row = rows.get(i);
            assertEquals(r.id(), row.getAttribute("data-run-id"));
            assertEquals(r.failed() == 0 && r.exitCode() == 0, row.getAttribute("class").contains(" ok"), "run " + r.id());
            String outcomes = row.findElement(By.cssSelector("td.outcomes")).getText();
            assertTrue(outcomes.startsWith("✔ " + r.ok()), "run " + r.id() + ": " + outcomes);
            assertEquals(r.failed() > 0, outcomes.contains("✗ " + r.failed()), "run " + r.id() + ": " + outcomes);
            assertEquals(Integer.toString(r.exitCode()), row.findElement(By.cssSelector("td.exit")).getText());
            assertEquals(r.operation(), row.findElement(By.cssSelector("td.operation")).getText());
            String source = row.findElement(By.cssSelector("td.source")).getText();
            assertTrue(source.startsWith(r.source().kind().name().toLowerCase().replace('_', '-')), source);
        }
    }

    /** The style sheet applied (the CSP let it in by hash), no CSP complaint, and no request but the page. */
    public static void assertSelfContained(Browser b, String pageUrl) {
        assertEquals("solid", b.js("return getComputedStyle(document.querySelector('h2')).borderBottomStyle"),
                "the page's own style sheet applies");
        String csp = (String) b.js("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content");
        assertTrue(csp.startsWith("default-src 'none';"), csp);
        List<String> console = b.console();
        assertFalse(console.stream().anyMatch(m -> m.contains("Content Security Policy")), console.toString());
        List<String> requests = b.requests();
        assertFalse(requests.isEmpty(), "the performance log shows the page's own request");
        assertEquals(List.of(), requests.stream().filter(u -> !u.equals(pageUrl)).toList(), "no request left the page");
    }

    /** The chart's line is drawn: enough pixels of its colour in a screenshot. */
    static void assertDrawn(Browser b, WebElement figure) throws IOException {
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(b.screenshot(figure)));
        int line = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, bl = rgb & 0xff;
                if (Math.abs(r - 0x1f) < 40 && Math.abs(g - 0x6f) < 40 && Math.abs(bl - 0xb2) < 40) line++;
            }
        }
        assertTrue(line > 50, "the chart's line shows in a screenshot: " + line + " pixels of its colour");
    }

    static String plain(double v) {
        return v == 0 ? "0" : new BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}

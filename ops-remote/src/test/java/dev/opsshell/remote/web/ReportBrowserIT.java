package dev.opsshell.remote.web;

import com.sun.net.httpserver.HttpServer;
import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.report.Report;
import dev.opsshell.core.report.ReportFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report opened in real headless Chromium, from a file and from the hub's HTTP server, checked for what it shows. */
class ReportBrowserIT {
    @TempDir
    static Path dir;
    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(dir);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void aReportFileShowsAChartPerMetricAndHostWhosePointsAreTheSamplesAndTheRunsOutcomes() throws IOException {
        ReportFixture f = ReportFixture.standard();
        Path file = dir.resolve("report.html");
        Files.writeString(file, Report.of(f.feed(), Duration.ofHours(6), Instant.now()).html(ZoneOffset.UTC));
        String url = file.toUri().toString();
        browser.requests();
        browser.open(url);
        ReportPageChecks.assertShows(browser, url, f.samples(), f.runs());
    }

    @Test
    void theHubsHttpServerServesTheSameReportAndAnIndex() throws IOException {
        ReportFixture f = ReportFixture.standard();
        try (ReportServer server = ReportServer.start(HttpAddress.parse("0"), f.feed(), ZoneOffset.UTC, Duration.ofHours(6))) {
            String url = server.uri() + "report";
            browser.requests();
            browser.open(url);
            ReportPageChecks.assertShows(browser, url, f.samples(), f.runs());

            browser.open(server.uri().toString());
            assertEquals(server.uri() + "report", browser.one("a#report").getAttribute("href"));
            assertEquals(server.uri() + "metrics", browser.one("a#metrics").getAttribute("href"));
            browser.one("a#report").click();
            assertEquals(ReportFixture.HOSTS.size() * 3, browser.all("figure.chart").size(), "the index's link opens the report");
        }
    }

    @Test
    void anEmptyStoreGivesAPageThatSaysSoFromAFileAndOverHttp() throws IOException {
        Path file = dir.resolve("empty.html");
        Files.writeString(file, Report.of(ReportFeed.empty(), Duration.ofHours(6), Instant.now()).html(ZoneOffset.UTC));
        String fileUrl = file.toUri().toString();
        try (ReportServer server = ReportServer.start(HttpAddress.parse("0"), ReportFeed.empty(), ZoneOffset.UTC, Duration.ofHours(2))) {
            for (String url : List.of(fileUrl, server.uri() + "report")) {
                browser.requests();
                browser.open(url);
                assertTrue(browser.one("#no-samples").isDisplayed(), url);
                assertTrue(browser.one("#no-samples").getText().startsWith("No samples between "), url);
                assertTrue(browser.one("#no-runs").getText().startsWith("No runs between "), url);
                assertEquals(0, browser.all("figure.chart").size(), url);
                assertEquals(0, browser.all("table.runs").size(), url);
                assertTrue(browser.one("h1").getText().equals("ops report"), url);
                ReportPageChecks.assertSelfContained(browser, url);
            }
        }
    }

    @Test
    void markupInHostAndLabelNamesShowsAsTextAndFetchesNothing() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        canary.createContext("/", x -> {
            hits.incrementAndGet();
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        canary.start();
        try {
            String lure = "http://127.0.0.1:" + canary.getAddress().getPort() + "/x";
            String host = "<img src=\"" + lure + "\">";
            String label = "</title><script>fetch('" + lure + "')</script><link rel=stylesheet href=" + lure + ">";
            List<Sample> samples = List.of(new Sample(host, "disk", "used_pct", label, 42, Instant.now().minusSeconds(30)));
            Path file = dir.resolve("hostile.html");
            Files.writeString(file, new Report(samples, List.of(), Instant.now().minusSeconds(3600), Instant.now(), Instant.now())
                    .html(ZoneOffset.UTC));
            String url = file.toUri().toString();
            browser.requests();
            browser.open(url);
            assertEquals(1, browser.all("figure.chart").size());
            assertEquals(host, browser.one("figure.chart figcaption .host").getText());
            assertEquals(label, browser.one("figure.chart").getAttribute("data-label"));
            assertEquals(0, browser.all("img, script, link").size(), "no element came from a name");
            ReportPageChecks.assertSelfContained(browser, url);
            assertEquals(0, hits.get(), "nothing reached the lure");
        } finally {
            canary.stop(0);
        }
    }
}

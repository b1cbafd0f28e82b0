package dev.opsshell.remote.web;

import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.report.ReportFeed;
import dev.opsshell.core.report.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /metrics endpoint scraped by a real Prometheus, and its text checked by promtool. */
class PrometheusScrapeIT {
    @TempDir
    Path dir;

    static List<Sample> samplesWithAwkwardNames(ReportFixture f) {
        List<Sample> all = new ArrayList<>(f.samples());
        Instant at = Instant.now().minusSeconds(5);
        all.add(new Sample("we\"b\\3", "net", "rx_bytes_per_s", "eth0 \"uplink\"", 2048, at));
        all.add(new Sample("web1", "memory", "available_bytes", "", 1.5e9, at));
        return all;
    }

    /** One sample of every field the samplers give (docs/metrics.md), on web1. */
    static List<Sample> everyField() {
        Instant at = Instant.now().minusSeconds(5);
        List<Sample> all = new ArrayList<>();
        String[][] fields = {{"cpu", "user", "system", "iowait", "steal", "idle", "cores"}, {"load", "1m", "5m", "15m", "cores"},
                {"memory", "total_bytes", "used_bytes", "available_bytes", "used_pct"}, {"swap", "total_bytes", "used_bytes", "used_pct"},
                {"disk", "size_bytes", "used_bytes", "free_bytes", "used_pct"},
                {"diskio", "read_bytes_per_s", "write_bytes_per_s", "reads_per_s", "writes_per_s", "busy_pct"},
                {"net", "rx_bytes_per_s", "tx_bytes_per_s", "rx_packets_per_s", "tx_packets_per_s"}, {"entropy", "available"}};
        for (String[] family : fields) {
            String label = switch (family[0]) { case "disk" -> "/"; case "diskio" -> "sda"; case "net" -> "eth0"; default -> ""; };
            for (int i = 1; i < family.length; i++) all.add(new Sample("web1", family[0], family[i], label, i, at));
        }
        return all;
    }

    @Test
    void aRealPrometheusScrapesTheNewestSampleOfEachHostUnderItsHostLabel() throws Exception {
        ReportFixture f = ReportFixture.standard();
        List<Sample> samples = samplesWithAwkwardNames(f);
        ReportFeed feed = new ReportFixture(samples, List.<RunSummary>of()).feed();
        try (ReportServer server = ReportServer.start(HttpAddress.parse("0"), feed, ZoneOffset.UTC, Duration.ofHours(6));
             PrometheusLab prometheus = PrometheusLab.start(dir, "127.0.0.1:" + server.port(), "/metrics")) {
            prometheus.awaitTargetUp();
            assertEquals("", prometheus.lastError());
            for (String host : ReportFixture.HOSTS) {
                assertEquals(f.newest(host, "cpu", "user").value(), prometheus.value("ops_cpu_user_percent{host=\"" + host + "\"}"), 1e-9, host);
                assertEquals(f.newest(host, "load", "1m").value(), prometheus.value("ops_load_1m{host=\"" + host + "\"}"), 1e-9, host);
                assertEquals(f.newest(host, "disk", "used_pct").value(),
                        prometheus.value("ops_disk_used_percent{host=\"" + host + "\",mount=\"/var\"}"), 1e-9, host);
                assertEquals(samples.stream().filter(x -> x.host().equals(host)).map(Sample::at).max(Instant::compareTo).orElseThrow()
                                .toEpochMilli() / 1000.0,
                        prometheus.value("ops_last_sample_timestamp_seconds{host=\"" + host + "\"}"), 1e-3, host);
            }
            assertEquals(3, prometheus.count("ops_cpu_user_percent"), "one series per host");
            assertEquals(2048, prometheus.value("ops_net_rx_bytes_per_second{host=\"we\\\"b\\\\3\",interface=\"eth0 \\\"uplink\\\"\"}"), 1e-9,
                    "label values with quotes and backslashes arrive as they were");
            assertEquals(1.5e9, prometheus.value("ops_memory_available_bytes{host=\"web1\",job=\"ops\"}"), 1);
        }
    }

    @Test
    void promtoolFindsNothingToSayAboutTheText() throws Exception {
        List<Sample> samples = new ArrayList<>(samplesWithAwkwardNames(ReportFixture.standard()));
        samples.addAll(everyField());
        String text = PrometheusText.of(samples);
        assertTrue(text.contains("# TYPE ops_cpu_user_percent gauge"), text);
        assertEquals("", PrometheusLab.promtoolCheck(text, dir), text);
    }

    @Test
    void theEndpointIsReadOnlyAndSaysItsContentType() throws Exception {
        ReportFixture f = ReportFixture.standard();
        try (ReportServer server = ReportServer.start(HttpAddress.parse("127.0.0.1:0"), f.feed(), ZoneOffset.UTC, Duration.ofHours(6))) {
            assertTrue(server.loopbackOnly());
            HttpClient http = HttpClient.newHttpClient();
            URI metrics = server.uri().resolve("metrics");
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, get.statusCode());
            assertEquals(PrometheusText.CONTENT_TYPE, get.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(PrometheusText.of(f.samples()), get.body());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(metrics).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
            assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.uri().resolve("report?since=1h")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("frame-ancestors 'none'; default-src 'none';"));
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(server.uri().resolve("report?since=soon")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("'soon' is not a duration; write it as 500ms, 30s, 5m or 2h"), bad.body());
            assertEquals(404, http.send(HttpRequest.newBuilder(server.uri().resolve("admin")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }
}

package dev.opsshell.remote.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsshell.core.testing.Await;
import dev.opsshell.core.testing.Requirements;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus}) started privately for a test: its own
 * config scraping one target every second, its own TSDB directory, a free loopback port. Waits
 * with a deadline for the target to be up; queries its HTTP API. Close to stop it (by its pid).
 */
public final class PrometheusLab implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final URI api;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusLab(Process process, URI api, Path log) {
        this.process = process;
        this.api = api;
        this.log = log;
    }

    /** Skips (or under CI fails) when prometheus is not installed. */
    public static void require() {
        Requirements.require(Requirements.onPath("prometheus") && Requirements.onPath("promtool"),
                "the Debian package prometheus (prometheus, promtool); ./scripts/test installs it");
    }

    /** Starts Prometheus scraping {@code target} ({@code host:port}) at {@code metricsPath}, under {@code dir}. */
    public static PrometheusLab start(Path dir, String target, String metricsPath) throws IOException {
        require();
        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:", "  scrape_interval: 1s", "  scrape_timeout: 1s",
                "scrape_configs:", "  - job_name: ops", "    metrics_path: " + metricsPath,
                "    static_configs:", "      - targets: ['" + target + "']", ""));
        Path log = dir.resolve("prometheus.log");
        Process p = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PrometheusLab(p, URI.create("http://127.0.0.1:" + port + "/"), log);
    }

    /** Waits until the ops target has been scraped successfully. */
    public void awaitTargetUp() {
        Await.until(Duration.ofSeconds(60), "Prometheus to scrape the ops target successfully (log: " + log + ")", () -> {
            if (!process.isAlive()) throw new AssertionError("prometheus exited: " + readLog());
            return get("api/v1/targets?state=active").map(t -> {
                for (JsonNode target : t.path("data").path("activeTargets")) {
                    if ("up".equals(target.path("health").asText())) return true;
                }
                return false;
            }).orElse(false);
        });
    }

    /** The value of the single series {@code promql} selects, waiting until Prometheus has it. */
    public double value(String promql) {
        return Await.value(Duration.ofSeconds(30), "Prometheus to have a value for " + promql, () ->
                get("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).flatMap(r -> {
                    JsonNode result = r.path("data").path("result");
                    if (result.size() != 1) return Optional.empty();
                    return Optional.of(Double.parseDouble(result.get(0).path("value").get(1).asText()));
                }));
    }

    /** How many series {@code promql} selects now. */
    public int count(String promql) {
        return get("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                .map(r -> r.path("data").path("result").size()).orElseThrow();
    }

    /** The last scrape's error as Prometheus reports it for the ops target ("" when none). */
    public String lastError() {
        return get("api/v1/targets?state=active").map(t -> t.path("data").path("activeTargets").get(0).path("lastError").asText())
                .orElse("(no targets answer)");
    }

    private Optional<JsonNode> get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // not listening yet: the caller waits with a deadline
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** {@code promtool check metrics} on {@code text}: its complaints, empty when none. */
    public static String promtoolCheck(String text, Path dir) throws IOException, InterruptedException {
        require();
        Path out = dir.resolve("promtool.out");
        Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try (var in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("promtool did not finish within 60 s");
        }
        String said = Files.readString(out);
        return p.exitValue() == 0 ? said.strip() : "exit " + p.exitValue() + ": " + said;
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}

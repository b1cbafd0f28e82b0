package dev.opsshell.shell;

import dev.opsshell.core.testing.Await;
import dev.opsshell.remote.web.Browser;
import dev.opsshell.remote.web.PrometheusLab;
import dev.opsshell.remote.web.ReportPageChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report from the real {@code ops} program: {@code report(path)} in a one-liner (the runs it
 * just made), {@code ops report --out}, and {@code ops hub --http} serving /report to Chromium and
 * /metrics to a real Prometheus; each page opened in headless Chromium.
 */
class ReportCommandLineIT {
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
    void reportInAOneLinerShowsTheRunsItJustMade() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-one-liner"));
        OpsProcess.Run r = OpsProcess.run(home, null, "-e",
                "localhost().exec(\"true\"); localhost().exec(\"exit 3\"); report(Path.of(\"r.html\"))");
        assertTrue(r.out().contains("report of the last 6h: 0 charts, 2 runs → " + home.resolve("r.html").toUri()), r.toString());
        browser.requests();
        browser.open(home.resolve("r.html").toUri().toString());
        var rows = browser.all("table.runs tbody tr");
        assertEquals(2, rows.size(), r.toString());
        assertEquals("run failed", rows.get(0).getAttribute("class"), "newest first: exit 3");
        assertEquals("✔ 0 ✗ 1 1 non-zero exit", rows.get(0).findElement(org.openqa.selenium.By.cssSelector("td.outcomes")).getText());
        assertEquals("5", rows.get(0).findElement(org.openqa.selenium.By.cssSelector("td.exit")).getText());
        assertEquals("exit 3", rows.get(0).findElement(org.openqa.selenium.By.cssSelector("td.operation")).getText());
        assertEquals("run ok", rows.get(1).getAttribute("class"));
        assertEquals("✔ 1", rows.get(1).findElement(org.openqa.selenium.By.cssSelector("td.outcomes")).getText());
        assertTrue(browser.one("#no-samples").isDisplayed());
    }

    @Test
    void opsReportWritesTheStoresReportAndRefusesARangeItCannotRead() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-report"));
        Map<String, String> env = Map.of("OPS_STORE", home.resolve("ops.db").toString());
        OpsProcess.Run r = OpsProcess.run(home, null, env, "report", "--out", "out/report.html", "--since", "2h");
        assertEquals(0, r.code(), r.toString());
        Path file = home.resolve("out/report.html");
        assertTrue(r.out().contains("report of the last 2h: 0 charts, 0 runs → " + file.toUri()), r.toString());
        browser.requests();
        browser.open(file.toUri().toString());
        assertTrue(browser.one("#no-samples").getText().startsWith("No samples between"));
        ReportPageChecks.assertSelfContained(browser, file.toUri().toString());

        OpsProcess.Run bad = OpsProcess.run(home, null, env, "report", "--since", "soon");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("--since 'soon' is not a duration; write it as 500ms, 30s, 5m or 2h, or in days (2d) or weeks (2w)"), bad.toString());
    }

    @Test
    void opsHubHttpServesTheStoresSamplesAndRunsToChromiumAndPrometheus() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-hub"));
        Map<String, String> env = Map.of("OPS_STORE", home.resolve("ops.db").toString());
        // a shell sampled this machine and ran a command: the hub serves what it stored
        OpsProcess.Run shell = OpsProcess.run(home, null, env, "-e", "sample(localhost(), load()); localhost().exec(\"exit 3\")");
        assertEquals(5, shell.code(), shell.toString());
        OpsProcess.Run stored = OpsProcess.run(home, null, env, "metrics", "load", "--field", "cores", "--latest", "--csv");
        assertEquals(0, stored.code(), stored.toString());
        List<String> csv = stored.out().lines().toList();
        assertEquals(2, csv.size(), "one header, one sample: " + stored);
        double cores = Double.parseDouble(csv.get(1).split(",")[4]);
        assertTrue(cores >= 1, stored.toString());
        int httpPort = freePort();
        ProcessBuilder pb = new ProcessBuilder(OpsProcess.LAUNCHER.toString(), "hub", "--port", "0", "--bind", "127.0.0.1",
                "--key-dir", home.resolve("hub").toString(), "--http", String.valueOf(httpPort)).directory(home.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("OPS_STORE", home.resolve("ops.db").toString());
        pb.redirectErrorStream(true);
        Process hub = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = in.readLine()) != null; ) lines.add(l);
            } catch (java.io.IOException e) {
                lines.add("(output ended: " + e.getMessage() + ")");
            }
        }, "ops-hub-output");
        reader.setDaemon(true);
        reader.start();
        try {
            Pattern said = Pattern.compile("report on (http://127\\.0\\.0\\.1:" + httpPort + "/)report, Prometheus metrics on .*/metrics");
            String base = Await.value(Duration.ofSeconds(90), "ops hub to say where the report is", () -> {
                if (!hub.isAlive()) throw new AssertionError("ops hub exited " + hub.exitValue() + ": " + lines);
                return lines.stream().map(said::matcher).filter(Matcher::matches).map(m -> m.group(1)).findFirst();
            });
            browser.requests();
            browser.open(base + "report");
            assertTrue(browser.all("#no-samples").isEmpty(), "the store's samples are charted");
            assertTrue(browser.all("figure.chart").size() >= 4, "a chart for load 1m, 5m, 15m and cores at least");
            var rows = browser.all("table.runs tbody tr");
            assertEquals(2, rows.size(), "the sampling round and the command, newest first");
            assertEquals("run failed", rows.get(0).getAttribute("class"));
            assertEquals("exit 3", rows.get(0).findElement(org.openqa.selenium.By.cssSelector("td.operation")).getText());
            ReportPageChecks.assertSelfContained(browser, base + "report");
            browser.open(base);
            assertEquals(base + "metrics", browser.one("a#metrics").getAttribute("href"));

            try (PrometheusLab prometheus = PrometheusLab.start(Files.createDirectories(dir.resolve("prometheus")),
                    "127.0.0.1:" + httpPort, "/metrics")) {
                prometheus.awaitTargetUp();
                assertEquals(1, prometheus.value("up{job=\"ops\"}"));
                assertEquals(cores, prometheus.value("ops_load_cores{job=\"ops\",host=\"localhost\"}"),
                        "the stored sample, scraped under its host label");
                assertTrue(prometheus.value("ops_load_1m{job=\"ops\",host=\"localhost\"}") >= 0);
            }
        } finally {
            hub.destroy();
            if (!hub.waitFor(30, TimeUnit.SECONDS)) hub.destroyForcibly();
        }
        assertTrue(lines.stream().noneMatch(l -> l.contains("serving to the network")), "loopback only: " + lines);
    }

    @Test
    void opsHubRefusesAnHttpAddressItCannotRead() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-bad"));
        OpsProcess.Run r = OpsProcess.run(home, null, Map.of("OPS_STORE", home.resolve("ops.db").toString()),
                "hub", "--port", "0", "--bind", "127.0.0.1", "--key-dir", home.resolve("hub").toString(), "--http", "localhost:http");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("ops hub: --http localhost:http: 'http' is not a port number; expected [ADDRESS:]PORT"), r.toString());
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

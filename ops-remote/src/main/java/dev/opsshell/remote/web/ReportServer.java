package dev.opsshell.remote.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.opsshell.core.report.Report;
import dev.opsshell.core.report.ReportFeed;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The read-only HTTP side of {@code ops hub --http}: {@code /report} (the HTML report of the last
 * {@code ?since=6h}), {@code /metrics} (Prometheus text exposition of the newest samples) and a
 * small index at {@code /}; GET and HEAD only, nothing written, no cookies. Pages carry the
 * report's Content-Security-Policy as a header too, with {@code frame-ancestors 'none'}. Reads come
 * from the {@link ReportFeed} on each request, on two daemon threads. Close to stop.
 */
public final class ReportServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;
    private final ReportFeed feed;
    private final ZoneId zone;
    private final Duration defaultSince;

    private ReportServer(HttpServer server, ExecutorService threads, ReportFeed feed, ZoneId zone, Duration defaultSince) {
        this.server = server;
        this.threads = threads;
        this.feed = feed;
        this.zone = zone;
        this.defaultSince = defaultSince;
    }

    /** Listens on {@code address} and serves {@code feed}; times on pages in {@code zone}. */
    public static ReportServer start(HttpAddress address, ReportFeed feed, ZoneId zone, Duration defaultSince) throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(address.socketAddress(), 16);
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ops-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        ReportServer s = new ReportServer(server, threads, feed, zone, defaultSince);
        server.createContext("/", s::handle);
        server.start();
        return s;
    }

    /** The base address, e.g. {@code http://127.0.0.1:9464/}. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** True when it listens on a loopback address only. */
    public boolean loopbackOnly() {
        return server.getAddress().getAddress().isLoopbackAddress();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String method = x.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                x.getResponseHeaders().set("Allow", "GET, HEAD");
                send(x, 405, "text/plain; charset=utf-8", "read-only: GET or HEAD\n");
                return;
            }
            switch (x.getRequestURI().getPath()) {
                case "/" -> send(x, 200, "text/html; charset=utf-8", Index.html());
                case "/report" -> report(x);
                case "/metrics" -> send(x, 200, PrometheusText.CONTENT_TYPE, PrometheusText.of(feed.latest()));
                default -> send(x, 404, "text/plain; charset=utf-8", "not found: try /report, /metrics or /\n");
            }
        } catch (RuntimeException e) {
            send(x, 500, "text/plain; charset=utf-8", "the report failed: " + e.getMessage() + "\n");
        }
    }

    private void report(HttpExchange x) throws IOException {
        Duration since;
        try {
            since = Since.fromQuery(x.getRequestURI().getRawQuery(), defaultSince);
        } catch (IllegalArgumentException e) {
            send(x, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
            return;
        }
        send(x, 200, "text/html; charset=utf-8", Report.of(feed, since, Instant.now()).html(zone));
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var h = x.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        if (type.startsWith("text/html")) h.set("Content-Security-Policy", "frame-ancestors 'none'; " + Report.contentSecurityPolicy());
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

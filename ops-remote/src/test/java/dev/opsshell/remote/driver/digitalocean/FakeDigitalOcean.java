package dev.opsshell.remote.driver.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DigitalOcean's API v2 as its documentation describes it, in process (JDK HttpServer on loopback):
 * Bearer auth (a wrong token is a 401), droplets and their actions and tags ({@link FakeDroplets}),
 * listing by tag with pagination ({@code links.pages.next}), error bodies {@code {"id","message"}},
 * 422 for a bad region or size, the {@code RateLimit-*} headers counting down a window (a call
 * past zero is a 429), and 429s with {@code Retry-After} on every n-th call if asked. Counts calls,
 * 429s, and calls that came back before a {@code Retry-After} had passed (later than 200 ms into the
 * pause: calls sent before the 429 reached the client are still on their way then).
 */
final class FakeDigitalOcean implements AutoCloseable {
    static final String TOKEN = "dop_v1_fake0123456789abcdef0123456789abcdef0123456789abcdef01234567";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long IN_FLIGHT_MILLIS = 200;

    final FakeDroplets droplets = new FakeDroplets();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger earlyRetries = new AtomicInteger();
    final AtomicInteger overLimit = new AtomicInteger();
    final java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong(); // the endpoint's own CPU (benchmark)
    final Map<String, AtomicInteger> callsByRoute = new HashMap<>();
    volatile int throttleEvery; // 0: never
    volatile int retryAfterSeconds = 1;
    volatile int pageSize = 0; // 0: the client's per_page
    final AtomicInteger loseCreateAnswers = new AtomicInteger(); // creates that make the droplet, then answer 500
    private int rateLimit = 5000;
    private long windowMillis = 3_600_000;
    private int remaining = 5000;
    private long resetAtMillis;
    private long blockedUntilMillis;
    private long blockedSinceMillis;
    private final HttpServer server;
    private final java.util.concurrent.ExecutorService handlers = Executors.newFixedThreadPool(8);

    FakeDigitalOcean() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else every answer waits 40 ms for a delayed ACK
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
        resetAtMillis = System.currentTimeMillis() + windowMillis;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A rate limit of {@code limit} calls per window of whole seconds. */
    synchronized void rateLimit(int limit, int windowSeconds) {
        rateLimit = limit;
        windowMillis = windowSeconds * 1000L;
        remaining = limit;
        resetAtMillis = (System.currentTimeMillis() / 1000 + windowSeconds + 1) * 1000;
    }

    int callsTo(String route) {
        synchronized (callsByRoute) {
            return callsByRoute.getOrDefault(route, new AtomicInteger()).get();
        }
    }

    private void handle(HttpExchange x) throws IOException {
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try {
            serve(x);
        } finally {
            cpuNanos.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu);
        }
    }

    private void serve(HttpExchange x) throws IOException {
        try (x) {
            int n = calls.incrementAndGet();
            String route = x.getRequestMethod() + " " + x.getRequestURI().getPath().replaceAll("/\\d+", "/{id}");
            synchronized (callsByRoute) {
                callsByRoute.computeIfAbsent(route, k -> new AtomicInteger()).incrementAndGet();
            }
            if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
                error(x, 401, "Unauthorized", "Unable to authenticate you.");
                return;
            }
            if (!limit(x, n)) return;
            route(x, route);
        } catch (RuntimeException e) {
            error(x, 500, "server_error", "fake: " + e);
        }
    }

    /** Rate limit headers and 429s; false when the call was refused. */
    private boolean limit(HttpExchange x, int n) throws IOException {
        long now = System.currentTimeMillis();
        boolean early;
        boolean over;
        synchronized (this) {
            if (now >= resetAtMillis) {
                remaining = rateLimit;
                resetAtMillis = (now / 1000 + windowMillis / 1000 + 1) * 1000;
            }
            early = now < blockedUntilMillis;
            // calls already in flight when the 429 went out are not the client's fault: count those that came later
            if (early && now - blockedSinceMillis > IN_FLIGHT_MILLIS) earlyRetries.incrementAndGet();
            over = !early && remaining <= 0;
            if (!early && !over) remaining--;
            x.getResponseHeaders().set("RateLimit-Limit", String.valueOf(rateLimit));
            x.getResponseHeaders().set("RateLimit-Remaining", String.valueOf(Math.max(remaining, 0)));
            x.getResponseHeaders().set("RateLimit-Reset", String.valueOf(resetAtMillis / 1000));
        }
        if (over) overLimit.incrementAndGet();
        int every = throttleEvery;
        if (early || over || (every > 0 && n % every == 0)) {
            int wait = over ? (int) Math.max(1, (resetAtMillis - now + 999) / 1000) : retryAfterSeconds;
            synchronized (this) {
                if (!early) {
                    blockedSinceMillis = now;
                    blockedUntilMillis = Math.max(blockedUntilMillis, now + wait * 1000L);
                }
            }
            throttled.incrementAndGet();
            x.getResponseHeaders().set("Retry-After", String.valueOf(wait));
            error(x, 429, "too_many_requests", "API Rate limit exceeded.");
            return false;
        }
        return true;
    }

    private void route(HttpExchange x, String route) throws IOException {
        String path = x.getRequestURI().getPath();
        Map<String, String> q = query(x.getRequestURI());
        String[] parts = path.split("/");
        switch (route) {
            case "POST /v2/droplets" -> create(x);
            case "GET /v2/droplets" -> list(x, q);
            case "GET /v2/droplets/{id}" -> found(x, droplets.get(Long.parseLong(parts[3])), 200);
            case "DELETE /v2/droplets/{id}" -> {
                if (droplets.delete(Long.parseLong(parts[3]))) send(x, 204, null);
                else error(x, 404, "not_found", "The resource you requested could not be found.");
            }
            case "DELETE /v2/droplets" -> {
                if (q.get("tag_name") == null) error(x, 422, "unprocessable_entity", "tag_name is required");
                else {
                    droplets.deleteTagged(q.get("tag_name"));
                    send(x, 204, null);
                }
            }
            case "DELETE /v2/tags/" -> error(x, 404, "not_found", "The resource you requested could not be found.");
            case "POST /v2/droplets/{id}/actions" -> {
                String type = JSON.readTree(x.getRequestBody()).path("type").asText();
                if (!List.of("power_on", "power_off", "shutdown", "reboot").contains(type)) {
                    error(x, 422, "unprocessable_entity", "Type '" + type + "' is not a valid action type.");
                } else found(x, droplets.act(Long.parseLong(parts[3]), type), 201);
            }
            case "GET /v2/actions/{id}" -> found(x, droplets.action(Long.parseLong(parts[3])), 200);
            default -> {
                if (route.startsWith("DELETE /v2/tags/")) {
                    if (droplets.deleteTag(path.substring("/v2/tags/".length()))) send(x, 204, null);
                    else error(x, 404, "not_found", "The resource you requested could not be found.");
                } else error(x, 404, "not_found", "The resource you requested could not be found.");
            }
        }
    }

    private void create(HttpExchange x) throws IOException {
        JsonNode b = JSON.readTree(x.getRequestBody());
        String region = b.path("region").asText();
        String size = b.path("size").asText();
        if (b.path("name").asText().isBlank()) {
            error(x, 422, "unprocessable_entity", "Name is required.");
        } else if (!FakeDroplets.REGIONS.contains(region)) {
            error(x, 422, "unprocessable_entity", "You specified an invalid region for Droplet creation.");
        } else if (!FakeDroplets.SIZES.contains(size)) {
            error(x, 422, "unprocessable_entity", "You specified an invalid size for Droplet creation.");
        } else {
            List<String> tags = new ArrayList<>();
            b.path("tags").forEach(t -> tags.add(t.asText()));
            ObjectNode made = droplets.create(b.path("name").asText(), region, size, b.path("image").asText(), tags,
                    b.path("user_data").asText(null));
            synchronized (droplets.lastCreateBody) {
                droplets.lastCreateBody.clear();
                droplets.lastCreateBody.putAll(JSON.convertValue(b, Map.class));
            }
            if (loseCreateAnswers.getAndUpdate(v -> Math.max(0, v - 1)) > 0) {
                error(x, 500, "server_error", "Server was unable to give you a response.");
            } else send(x, 202, made);
        }
    }

    private void list(HttpExchange x, Map<String, String> q) throws IOException {
        List<ObjectNode> all = droplets.tagged(q.get("tag_name"));
        int perPage = pageSize > 0 ? pageSize : Integer.parseInt(q.getOrDefault("per_page", "20"));
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("droplets");
        all.subList(from, to).forEach(list::add);
        ObjectNode pages = JSON.createObjectNode();
        String base = url() + "/v2/droplets?" + (q.containsKey("tag_name") ? "tag_name=" + q.get("tag_name") + "&" : "")
                + "per_page=" + perPage + "&page=";
        if (to < all.size()) pages.put("next", base + (page + 1)).put("last", base + ((all.size() + perPage - 1) / perPage));
        if (page > 1) pages.put("prev", base + (page - 1)).put("first", base + 1);
        answer.putObject("links").set("pages", pages);
        answer.putObject("meta").put("total", all.size());
        send(x, 200, answer);
    }

    private void found(HttpExchange x, ObjectNode body, int status) throws IOException {
        if (body == null) error(x, 404, "not_found", "The resource you requested could not be found.");
        else send(x, status, body.has("droplet") || body.has("action") ? body : JSON.createObjectNode().set("droplet", body));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        if (uri.getRawQuery() == null) return out;
        for (String kv : uri.getRawQuery().split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) out.put(kv.substring(0, eq), java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void error(HttpExchange x, int status, String id, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("id", id).put("message", message)
                .put("request_id", "4d9d8375-3c56-4925-a3e7-eed06f72d2a5");
        send(x, status, body);
    }

    private static void send(HttpExchange x, int status, JsonNode body) throws IOException {
        if (body == null) {
            x.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}

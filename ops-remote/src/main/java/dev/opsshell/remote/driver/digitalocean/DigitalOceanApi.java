package dev.opsshell.remote.driver.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsshell.core.driver.DriverException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DigitalOcean's REST API v2 through the JDK HTTP client: Bearer auth, JSON by Jackson, rate limits
 * honoured ({@link RateLimit}; a 429 waits its {@code Retry-After}), a bounded number of retries of
 * 429s, 5xx answers and connections that fail. Errors become {@link DriverException}s whose code is
 * the API's {@code id} and whose message carries its {@code message}; never the token.
 */
final class DigitalOceanApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 8;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final URI base;
    private final DigitalOceanToken token;
    private final HttpClient http;
    private final RateLimit rateLimit = new RateLimit();
    private final AtomicLong calls = new AtomicLong();

    DigitalOceanApi(URI base, DigitalOceanToken token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    URI base() {
        return base;
    }

    /** Calls made so far (each retry counts). */
    long calls() {
        return calls.get();
    }

    JsonNode get(String path) {
        return send("GET", path, null, true);
    }

    /** A POST that may be sent again when the answer is lost (droplet actions: a second one is harmless). */
    JsonNode post(String path, Object body) {
        return send("POST", path, body, true);
    }

    /**
     * A POST sent again only when the API refused it (429): after a lost answer or a 5xx it may have
     * been done, so the caller looks before sending it again (a second droplet costs money).
     */
    JsonNode postOnce(String path, Object body) {
        return send("POST", path, body, false);
    }

    /** DELETE; true when something was deleted, false when it was not there (404). */
    boolean delete(String path) {
        try {
            send("DELETE", path, null, true);
            return true;
        } catch (DriverException e) {
            if ("not_found".equals(e.code())) return false;
            throw e;
        }
    }

    private JsonNode send(String method, String path, Object body, boolean resend) {
        URI uri = path.startsWith("http") ? URI.create(path) : URI.create(base + path);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write(body));
        HttpRequest request = HttpRequest.newBuilder(uri).method(method, publisher)
                .header("Authorization", token.bearer())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60)).build();
        String what = method + " " + uri.getRawPath();
        IOException lastIo = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            pause(rateLimit.beforeNextCall(System.currentTimeMillis()));
            HttpResponse<String> response;
            try {
                calls.incrementAndGet();
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastIo = e;
                if (attempt >= 3 || !resend) break; // an endpoint that does not answer three times in a row is down
                pause(Duration.ofMillis(250L << attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriverException("interrupted", "digitalocean: " + what + " was interrupted", e);
            }
            rateLimit.read(response.headers());
            int status = response.statusCode();
            if (status == 429) {
                Duration wait = retryAfter(response);
                rateLimit.blockFor(wait, System.currentTimeMillis());
                continue;
            }
            if (status >= 500 && resend && attempt < ATTEMPTS) {
                pause(Duration.ofMillis(Math.min(8000, 250L << attempt)));
                continue;
            }
            if (status >= 400) throw error(what, response);
            return read(response.body());
        }
        if (lastIo != null) {
            throw new DriverException("unreachable", "digitalocean: cannot reach the API at " + base + " (" + lastIo
                    + "); check the network, the section's api_url or DIGITALOCEAN_API_URL", lastIo);
        }
        throw new DriverException("too_many_requests", "digitalocean: " + what + " failed: still rate limited after "
                + ATTEMPTS + " attempts; try again later or run fewer jobs at once", null);
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        long seconds = response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return 1L; // an HTTP date: a second is a safe guess, the next 429 corrects it
            }
        }).orElse(1L);
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    private static DriverException error(String what, HttpResponse<String> response) {
        String id = "http_" + response.statusCode();
        String message = response.body();
        try {
            JsonNode n = JSON.readTree(response.body());
            if (n != null && n.hasNonNull("id")) id = n.get("id").asText();
            if (n != null && n.hasNonNull("message")) message = n.get("message").asText();
        } catch (IOException e) {
            message = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
        }
        String hint = response.statusCode() == 401
                ? "; check DIGITALOCEAN_ACCESS_TOKEN or digitalocean.token in ~/.ops/config" : "";
        return new DriverException(id, "digitalocean: " + what + " failed: " + id + ": " + message + hint, null);
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new DriverException("bad_response", "digitalocean: the API answered with something not JSON: "
                    + abbreviate(body), e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new DriverException("digitalocean: cannot write the request: " + e.getMessage(), e);
        }
    }

    static void pause(Duration d) {
        if (d.isZero() || d.isNegative()) return;
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("interrupted", "digitalocean: interrupted while waiting for the API", e);
        }
    }
}

package dev.opsshell.core.notify;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON POST per notice ({@code {"kind", "title", "body", "at", "fields"}}) with the JDK's HTTP
 * client, bounded by a connect and a request timeout; an answer other than 2xx is a failure.
 */
public final class WebhookNotifier implements Notifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    public WebhookNotifier(URI url, Duration timeout) {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("notify.webhook.url must be an http:// or https:// URL, got " + url);
        }
        this.url = url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    /** Scheme, host and port only: a webhook's path and query are often its secret (Slack's are). */
    @Override
    public String target() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/…";
    }

    /** The document posted for a notice. */
    static String json(Notice n) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", n.kind());
        doc.put("title", n.title());
        doc.put("body", n.body());
        doc.put("at", n.at().toString());
        doc.put("fields", new java.util.TreeMap<>(n.fields()));
        return JSON.writeValueAsString(doc);
    }

    @Override
    public void send(Notice notice) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json").header("User-Agent", "ops")
                .POST(HttpRequest.BodyPublishers.ofString(json(notice))).build();
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            String body = r.body() == null ? "" : r.body().strip();
            throw new IllegalStateException("answered " + r.statusCode() + (body.isEmpty() ? "" : ": "
                    + (body.length() > 120 ? body.substring(0, 117) + "..." : body)));
        }
    }
}

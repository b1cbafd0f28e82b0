package dev.opsshell.remote.web;

import dev.opsshell.core.text.Durations;

import java.time.Duration;

/** A report's time range as people write it ({@link Durations}: {@code 90s}, {@code 30m}, {@code 6h}, {@code 7d}); from 1s to 400 days. */
public final class Since {
    private static final Duration SHORTEST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofDays(400);

    private Since() {
    }

    public static Duration parse(String text) {
        Duration d = Durations.parse(text);
        if (d.compareTo(SHORTEST) < 0 || d.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("'" + text + "' is out of range: from 1s to 400d");
        }
        return d;
    }

    /** {@code since=…} from a URL's query, else {@code otherwise}. */
    static Duration fromQuery(String rawQuery, Duration otherwise) {
        if (rawQuery == null) return otherwise;
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("since=")) return parse(java.net.URLDecoder.decode(pair.substring(6), java.nio.charset.StandardCharsets.UTF_8));
        }
        return otherwise;
    }
}

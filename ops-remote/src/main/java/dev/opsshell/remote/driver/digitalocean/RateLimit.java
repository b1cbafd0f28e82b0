package dev.opsshell.remote.driver.digitalocean;

import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * DigitalOcean's rate limit as its headers last told it ({@code RateLimit-Limit},
 * {@code RateLimit-Remaining}, {@code RateLimit-Reset} in epoch seconds): once fewer than a tenth of
 * the calls remain, calls are spread over the time left until the reset, so the limit is not hit
 * when many jobs run at once. Thread-safe.
 */
final class RateLimit {
    private long limit = -1;
    private long remaining = -1;
    private long resetEpochMillis;
    private long nextCallMillis;

    synchronized void read(HttpHeaders headers) {
        long l = header(headers, "RateLimit-Limit");
        long r = header(headers, "RateLimit-Remaining");
        long reset = header(headers, "RateLimit-Reset");
        if (l < 0 || r < 0 || reset < 0) return;
        limit = l;
        remaining = r;
        resetEpochMillis = reset * 1000;
    }

    /**
     * How long to wait before the next call: zero while plenty remain and no 429 asked for a pause.
     * Counts the call it lets through, so concurrent callers are spaced too.
     */
    synchronized Duration beforeNextCall(long nowMillis) {
        long start = Math.max(nowMillis, nextCallMillis);
        if (limit >= 0 && nowMillis < resetEpochMillis && remaining <= Math.max(1, limit / 10)) {
            if (remaining <= 0) start = Math.max(start, resetEpochMillis);
            long spacing = (resetEpochMillis - nowMillis) / (Math.max(remaining, 0) + 1);
            nextCallMillis = start + spacing;
            remaining--;
        }
        return Duration.ofMillis(start - nowMillis);
    }

    /** A 429 told us to wait: nobody calls before then. */
    synchronized void blockFor(Duration wait, long nowMillis) {
        nextCallMillis = Math.max(nextCallMillis, nowMillis + wait.toMillis());
    }

    synchronized Duration blocked(long nowMillis) {
        return Duration.ofMillis(Math.max(0, nextCallMillis - nowMillis));
    }

    private static long header(HttpHeaders h, String name) {
        return h.firstValue(name).map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(-1L);
    }
}

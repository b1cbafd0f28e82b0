package dev.opsshell.core.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the store keeps them: UTC text with all nine fraction digits
 * ({@code 2026-12-02T00:18:43.123456789Z}), so they read back exactly, sort as text in time order
 * and look the same in sqlite3 and psql.
 */
final class Times {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String text(Instant t) {
        return t == null ? null : FIXED.format(t);
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}

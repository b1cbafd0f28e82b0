package dev.opsshell.shell.history;

import dev.opsshell.core.text.Durations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Points in time as {@code --since} and {@code --until} take them: an age ({@code 30m}, {@code 2h},
 * {@code 7d}, {@code 2w}: that long ago, as {@link Durations} reads it), a date ({@code 2026-12-01}:
 * its start, local time) or an instant ({@code 2026-12-01T10:00:00Z}). Read alike by {@code ops history}
 * and {@code ops metrics}.
 */
public final class Ages {
    private Ages() {
    }

    public static Instant parse(String text, String option, Instant now) {
        try {
            return now.minus(Durations.parse(text));
        } catch (IllegalArgumentException notAnAge) {
            return date(text, option, notAnAge);
        }
    }

    private static Instant date(String text, String option, IllegalArgumentException notAnAge) {
        String t = text.strip();
        try {
            if (t.length() == 10) return LocalDate.parse(t).atStartOfDay(ZoneId.systemDefault()).toInstant();
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            IllegalArgumentException bad = new IllegalArgumentException(option + " " + text
                    + ": write an age (30m, 2h, 7d, 2w), a date (2026-12-01) or an instant (2026-12-01T10:00:00Z)");
            bad.addSuppressed(notAnAge);
            throw bad;
        }
    }
}

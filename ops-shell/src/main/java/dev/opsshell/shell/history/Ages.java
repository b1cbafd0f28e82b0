package dev.opsshell.shell.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points in time as {@code --since} and {@code --until} take them: an age ({@code 30m}, {@code 2h},
 * {@code 7d}, {@code 2w}: that long ago), a date ({@code 2026-12-01}: its start, local time) or an
 * instant ({@code 2026-12-01T10:00:00Z}).
 */
final class Ages {
    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*(s|m|h|d|w)");

    private Ages() {
    }

    static Instant parse(String text, String option, Instant now) {
        String t = text.strip();
        Matcher m = AGE.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) return now.minus(age(Long.parseLong(m.group(1)), m.group(2)));
        try {
            if (t.length() == 10) return LocalDate.parse(t).atStartOfDay(ZoneId.systemDefault()).toInstant();
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " " + text + ": write an age (30m, 2h, 7d, 2w), a date (2026-12-01)"
                    + " or an instant (2026-12-01T10:00:00Z)");
        }
    }

    private static Duration age(long n, String unit) {
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}

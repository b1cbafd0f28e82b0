package dev.opsshell.core.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * When a schedule fires: {@link Every} a fixed period, or a {@link CronWhen} expression (Unix
 * cron's five fields, in this machine's time zone). Stored as its {@link #kind()} and {@link #text()}.
 */
public sealed interface When permits Every, CronWhen {
    /** The first time after {@code after} it fires. */
    Instant next(Instant after);

    /** {@code every} or {@code cron}. */
    String kind();

    /** What is stored: an ISO-8601 duration ({@code PT5M}) or the cron expression. */
    String text();

    /** For tables and messages: {@code every 5m}, {@code cron 0 3 * * 1-5}. */
    String describe();

    static When every(Duration period) {
        return new Every(period);
    }

    static When cron(String expression) {
        return CronWhen.parse(expression);
    }

    /** The stored form back ({@link #kind()}, {@link #text()}). */
    static When parse(String kind, String text) {
        return switch (kind) {
            case "every" -> new Every(Duration.parse(text));
            case "cron" -> CronWhen.parse(text);
            default -> throw new IllegalArgumentException("unknown schedule kind '" + kind + "': every or cron");
        };
    }
}

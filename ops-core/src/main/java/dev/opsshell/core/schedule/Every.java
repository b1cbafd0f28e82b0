package dev.opsshell.core.schedule;

import dev.opsshell.core.text.Durations;

import java.time.Duration;
import java.time.Instant;

/** Fires every {@code period}, counted from the last time it was due. */
public record Every(Duration period) implements When {
    public Every {
        if (period == null || period.isNegative() || period.isZero()) {
            String got = period == null ? "none" : period.isZero() ? "zero" : "a negative one (" + period.toMillis() + " ms)";
            throw new IllegalArgumentException("a schedule's period must be longer than zero, got " + got
                    + "; e.g. every(Duration.ofMinutes(5), \"name\", …)");
        }
    }

    @Override
    public Instant next(Instant after) {
        return after.plus(period);
    }

    @Override
    public String kind() {
        return "every";
    }

    @Override
    public String text() {
        return period.toString();
    }

    @Override
    public String describe() {
        return "every " + Durations.words(period);
    }
}

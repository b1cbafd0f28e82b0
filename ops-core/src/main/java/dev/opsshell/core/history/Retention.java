package dev.opsshell.core.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Forgets runs older than the retention, at most about once a day per store: the store notes when
 * it last purged ({@link HistoryStore#lastPurge()}), so several shells on one store purge once
 * between them, and a store that was just purged is not scanned again.
 */
public final class Retention {
    /** How often a store is purged automatically, at most. */
    public static final Duration EVERY = Duration.ofDays(1);

    private Retention() {
    }

    /** Purges runs finished more than {@code keep} before {@code now} if the store was not purged within a day; how many went (empty when not due). */
    public static Optional<Integer> applyIfDue(HistoryStore history, Duration keep, Instant now) {
        if (keep == null) return Optional.empty();
        Optional<Instant> last = history.lastPurge();
        if (last.isPresent() && last.get().isAfter(now.minus(EVERY))) return Optional.empty();
        return Optional.of(history.purge(now.minus(keep)));
    }
}

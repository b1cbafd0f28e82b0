package dev.opsshell.core.testing;

import org.opentest4j.AssertionFailedError;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits in tests for a state, never for a time: polls a condition until it holds or a deadline
 * passes, then fails naming what did not happen. The deadline is generous on purpose (a loaded CI
 * machine is slow); a state that arrives early ends the wait at once.
 * <pre>{@code
 * Await.until(Duration.ofSeconds(20), "the agent to connect", () -> hub.agent("web1").isPresent());
 * }</pre>
 */
public final class Await {
    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** Returns once {@code condition} holds; fails with "timed out after … waiting for {@code what}". */
    public static void until(Duration limit, String what, BooleanSupplier condition) {
        value(limit, what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** The first present value {@code probe} gives; fails like {@link #until} when none comes in time. */
    public static <T> T value(Duration limit, String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Optional<T> v = probe.get();
            if (v.isPresent()) return v.get();
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionFailedError("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS); // the poll interval, not a guess at how long the state takes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting for " + what, e);
            }
        }
    }
}

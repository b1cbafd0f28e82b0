package dev.opsshell.remote.contract;

import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What stops a command or its output: the output cap, the timeout, Ctrl-C. */
public interface LimitsContract extends ContractTarget {
    @Test
    default void outputPastTheCapIsCutPerStreamAndMarkedTruncated() {
        Result r = run(command("head -c 300000 /dev/zero | tr '\\0' y; echo done >&2").withOutputCap(1000));
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("y".repeat(1000), r.stdout());
        assertEquals("done\n", r.stderr(), "the cap is per stream");
        assertTrue(r.truncated());
        assertTrue(r.toString().endsWith("[output truncated]"), r::toString);
    }

    @Test
    default void outputUpToTheCapIsNotMarkedTruncated() {
        Result r = run(command("head -c 1000 /dev/zero | tr '\\0' y").withOutputCap(1000));
        assertEquals(1000, r.stdout().length());
        assertFalse(r.truncated(), r::toString);
    }

    @Test
    default void aCommandPastItsTimeoutIsKilledAndKeepsWhatItPrinted() throws Exception {
        String sleep = Processes.uniqueSleep();
        Result r = run(command("echo before; echo oops >&2; " + sleep).withTimeout(Duration.ofMillis(2500)));
        assertEquals(Outcome.TIMED_OUT, r.outcome(), r::toString);
        assertEquals(-1, r.exitCode());
        assertEquals("before\n", r.stdout(), r::toString);
        assertEquals("oops\n", r.stderr(), r::toString);
        assertEquals("killed after 2500 ms (command timeout); raise it with timeout(…) or --timeout", r.message());
        Processes.assertGone(sleep);
    }

    @Test
    default void aCancelledCommandIsKilledAndKeepsWhatItPrinted() throws Exception {
        String sleep = Processes.uniqueSleep();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Result> result = new AtomicReference<>();
        Thread caller = new Thread(() -> result.set(transport().exec(host(), command("echo started; " + sleep),
                (h, stderr, line) -> started.countDown())), "contract-cancel");
        caller.start();
        assertTrue(started.await(30, TimeUnit.SECONDS), "the command printed nothing");
        Processes.awaitRunning(sleep);
        caller.interrupt(); // what Ctrl-C does to the fan-out's threads
        caller.join(TimeUnit.SECONDS.toMillis(15));
        assertFalse(caller.isAlive(), "exec must return promptly once interrupted");
        Result r = result.get();
        assertEquals(Outcome.CANCELLED, r.outcome(), r::toString);
        assertEquals("started\n", r.stdout(), r::toString);
        assertEquals("cancelled (Ctrl-C); the command was killed", r.message());
        Processes.assertGone(sleep);
    }
}

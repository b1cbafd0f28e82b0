package dev.opsshell.remote.ssh;

import net.schmizz.sshj.connection.channel.direct.Session;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Waits for a remote command to end: both of its output streams at their end, or its exit status
 * and then output until none has arrived for {@link #AFTER_EXIT}. A child left running in the
 * background ({@code server &}) keeps the streams open long after the command itself exited, and
 * sshd sends the exit status when the command exits: the command's result must not wait for the
 * child, as it does not locally or on an agent. Output still flowing (a slow link draining what the
 * command wrote before it exited) is waited for as long as it flows.
 */
final class CommandEnd {
    static final Duration AFTER_EXIT = Duration.ofSeconds(2);
    private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private CommandEnd() {
    }

    /**
     * Returns true when both streams ended, false when the command exited and a child still holds
     * them. Throws {@link TimeoutException} at the command's timeout (zero: none).
     */
    static boolean await(Future<?> out, Future<?> err, Session.Command cmd, Duration timeout, LongSupplier received)
            throws InterruptedException, ExecutionException, TimeoutException {
        long now = System.nanoTime();
        long deadline = timeout.isZero() ? Long.MAX_VALUE : now + timeout.toNanos();
        long leaveAt = Long.MAX_VALUE;
        long seen = -1;
        while (!(out.isDone() && err.isDone())) {
            now = System.nanoTime();
            if (now >= deadline) throw new TimeoutException();
            if (exited(cmd) && received.getAsLong() != seen) { // exited, and output still arriving
                seen = received.getAsLong();
                leaveAt = now + AFTER_EXIT.toNanos();
            }
            if (now >= leaveAt) return false;
            Future<?> open = out.isDone() ? err : out;
            try {
                open.get(Math.min(STEP_NANOS, Math.min(deadline, leaveAt) - now), TimeUnit.NANOSECONDS);
            } catch (TimeoutException notYet) {
                continue; // look at the exit status and the deadline again
            }
        }
        out.get();
        err.get(); // a failed drain surfaces here
        return true;
    }

    private static boolean exited(Session.Command cmd) {
        return cmd.getExitStatus() != null || cmd.getExitSignal() != null;
    }
}

package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.JobContext;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Asking EC2 again until a state is reached or a deadline passes, stopping early for a cancelled job. */
final class Polls {
    private Polls() {
    }

    /** True when {@code reached} became true before {@code within} ended. */
    static boolean until(Duration within, Duration every, JobContext job, BooleanSupplier reached) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            if (reached.getAsBoolean()) return true;
            if (System.nanoTime() - deadline >= 0) return false;
            job.checkCancelled();
            pause(every);
        }
    }

    static void pause(Duration every) {
        try {
            Thread.sleep(every.toMillis()); // the poll interval of a bounded wait on EC2's state
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("interrupted while waiting on EC2", e);
        }
    }
}

package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.JobContext;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Duration;

/**
 * The SDK waiter's delay between polls: a fixed interval, and the place a cancelled job is noticed
 * (the waiter calls it before each new attempt, so the wait ends within one interval of the cancel).
 */
record CancellableBackoff(Duration every, JobContext job) implements BackoffStrategy {
    @Override
    public Duration computeDelay(int attempt) {
        job.checkCancelled();
        return every;
    }
}

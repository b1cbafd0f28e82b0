package dev.opsshell.core.fleet;

import dev.opsshell.core.OpsException;
import dev.opsshell.core.job.JobRecord;

import java.time.Duration;
import java.util.List;

/** Jobs queued together, not waited for yet: {@code await()} waits, {@code cancel()} stops them. */
public record Batch(Fleet fleet, String id) {
    public JobResults await() {
        return await(Duration.ofDays(1));
    }

    public JobResults await(Duration limit) {
        try {
            return new JobResults(fleet, id, fleet.queue().await(id, limit));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("stopped waiting (Ctrl-C); the jobs go on: jobs() shows them, cancel(\"" + id + "\") stops them");
        }
    }

    public List<JobRecord> jobs() {
        return fleet.store().batch(id);
    }

    /** Cancels every job of the batch that has not ended; says what happened to each. */
    public List<String> cancel() {
        return jobs().stream().filter(j -> !j.status().finished()).map(j -> fleet.queue().cancel(j.id())).toList();
    }

    @Override
    public String toString() {
        List<JobRecord> jobs = jobs();
        long done = jobs.stream().filter(j -> j.status().finished()).count();
        return "batch " + id + ": " + done + "/" + jobs.size() + " jobs finished";
    }
}

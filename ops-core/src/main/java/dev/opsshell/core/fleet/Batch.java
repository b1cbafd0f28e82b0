package dev.opsshell.core.fleet;

import dev.opsshell.core.OpsException;
import dev.opsshell.core.Session;
import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.run.Fanout;
import dev.opsshell.core.run.Progress;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Jobs queued together, not waited for yet: {@code await()} waits, {@code cancel()} stops them. */
public record Batch(Fleet fleet, String id) {
    public JobResults await() {
        return await(Duration.ofDays(1));
    }

    /**
     * Waits until every job has ended or {@code limit} passed, drawing the session's progress line
     * meanwhile. Ctrl-C (or an interrupt) stops the wait, not the jobs.
     */
    public JobResults await(Duration limit) {
        List<JobRecord> jobs = jobs();
        Map<String, String> hostnames = new HashMap<>();
        fleet.store().machines().forEach(m -> hostnames.put(m.id(), m.hostname()));
        String kind = jobs.isEmpty() ? "jobs" : jobs.get(0).kind().word();
        Progress progress = Session.current().progress().start(kind, jobs.size());
        BatchProgress listener = new BatchProgress(progress, jobs, hostnames);
        fleet.queue().events().listen(listener);
        try {
            return new JobResults(fleet, id, Fanout.interruptibly(() -> fleet.queue().await(id, limit)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("stopped waiting (Ctrl-C); the jobs go on: jobs() shows them, cancel(\"" + id + "\") stops them");
        } finally {
            fleet.queue().events().unlisten(listener);
            progress.finish();
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

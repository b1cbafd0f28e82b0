package dev.opsshell.core.job;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The durable job queue: db-scheduler on the store's own database, a bounded pool of workers.
 * Each job is a row in the store (what the operator sees) and an execution in db-scheduler's
 * table (what a worker picks, exactly once, also with several shells on one PostgreSQL). A shell
 * that dies leaves executions whose heartbeat stops; the next scheduler on the database reports
 * them interrupted (after about {@code heartbeat × 4}; 8 s by default).
 */
public final class JobQueue implements AutoCloseable {
    /** How the queue runs: workers, how often it looks for due jobs, how soon a dead shell is noticed. */
    public record Options(int workers, Duration polling, Duration heartbeat) {
        public static Options defaults() {
            return new Options(8, Duration.ofMillis(500), Duration.ofSeconds(2));
        }
    }

    private final Store store;
    private final JobEvents events = new JobEvents();
    private final String owner;
    private final Scheduler scheduler;
    private final JobTask task;
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();

    public JobQueue(Store store, Drivers drivers, Provisioner provisioner, Options options) {
        this.store = store;
        this.owner = ownerName();
        this.task = new JobTask(new JobRunner(store, drivers, provisioner, events, owner, closing::get));
        var builder = Scheduler.create(store.dataSource(), task)
                .schedulerName(new SchedulerName.Fixed(owner))
                .threads(options.workers())
                .pollingInterval(options.polling())
                .heartbeatInterval(options.heartbeat())
                .missedHeartbeatsLimit(4)  // db-scheduler's minimum
                .shutdownMaxWait(Duration.ofSeconds(1))
                .enableImmediateExecution()
                .failureLogging(LogLevel.DEBUG, false);
        if ("postgresql".equals(store.dialect())) builder.pollUsingLockAndFetch(0.5, 1.0);
        else builder.pollUsingFetchAndLockOnExecute(0.5, 1.0);  // SQLite has no SELECT … FOR UPDATE SKIP LOCKED
        this.scheduler = builder.build();
        this.scheduler.start();
    }

    /** This shell's name in job records: host, pid and a random part. */
    public String owner() {
        return owner;
    }

    public JobEvents events() {
        return events;
    }

    /** Queues one job per machine as one batch; returns the batch's id. */
    public String submit(JobKind kind, List<Machine> machines, Map<String, String> args) {
        String batch = newId();
        List<TaskInstance<?>> instances = new ArrayList<>();
        Instant now = Instant.now();
        for (Machine m : machines) {
            JobRecord job = new JobRecord(newId(), batch, kind, m.id(), JobStatus.QUEUED, args, null,
                    m.driver().kind(), now, null, null, null);
            store.insert(job);
            instances.add(task.instance(job.id()));
        }
        if (!instances.isEmpty()) scheduler.scheduleBatch(instances, now);
        scheduler.triggerCheckForDueExecutions();
        return batch;
    }

    /** Queues a sync of one driver connection; returns the batch's id. */
    public String sync(DriverSection section) {
        String batch = newId();
        JobRecord job = new JobRecord(newId(), batch, JobKind.SYNC, null, JobStatus.QUEUED, Sync.args(section), null,
                section.kind(), Instant.now(), null, null, null);
        store.insert(job);
        scheduler.schedule(task.instance(job.id()), Instant.now());
        scheduler.triggerCheckForDueExecutions();
        return batch;
    }

    /**
     * Waits until every job of a batch has finished or {@code limit} passed; returns the batch's
     * records as they are then. Interrupting the waiting thread stops the wait, not the jobs.
     */
    public List<JobRecord> await(String batch, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<JobRecord> jobs = store.batch(batch);
            if (jobs.stream().allMatch(j -> j.status().finished()) || System.nanoTime() >= deadline) return jobs;
            events.awaitAnyFinished(200);  // jobs run by another shell are seen by reading the store again
        }
    }

    /**
     * Cancels a job: a queued one never runs, a running one in this shell is told to stop (its
     * driver stops at the next wait). Returns what happened, in words.
     */
    public String cancel(String jobId) {
        JobRecord job = store.job(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId + "; jobs() lists them"));
        if (job.status().finished()) return "job " + jobId + " had already ended: " + job.status().word();
        RunningJob here = events.get(jobId);
        if (here != null) {
            here.cancel();
            return "job " + jobId + " told to stop (it was " + here.step() + ")";
        }
        if (job.status() == JobStatus.QUEUED
                && store.update(job.with(JobStatus.CANCELLED, null, Instant.now(), "cancelled before it started"), JobStatus.QUEUED)) {
            try {
                scheduler.cancel(TaskInstanceId.of(JobTask.NAME, jobId));
            } catch (RuntimeException picked) {
                // a worker holds its execution right now: it reads the job cancelled and does nothing
            }
            return "job " + jobId + " cancelled before it started";
        }
        RunningJob now = events.get(jobId);
        if (now != null) {
            now.cancel();
            return "job " + jobId + " told to stop (it was " + now.step() + ")";
        }
        return "job " + jobId + " runs in " + job.owner() + "; cancel it from that shell";
    }

    /**
     * Stops the queue: jobs running here are told to stop and recorded interrupted, with their
     * machines read back from the driver (never resumed by themselves); queued ones stay queued
     * for the next shell on this store.
     */
    @Override
    public void close() {
        closing.set(true);
        for (RunningJob r : events.runningNow()) r.cancel();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try {
            while (!events.runningNow().isEmpty() && System.nanoTime() < deadline) events.awaitAnyFinished(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.stop();
    }

    private static String ownerName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 6);
    }

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}

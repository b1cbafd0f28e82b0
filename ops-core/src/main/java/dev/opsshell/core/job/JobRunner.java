package dev.opsshell.core.job;

import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.system.Machine;

import java.time.Instant;
import java.util.Optional;

/**
 * Runs one queued job in a worker: claims its system (one job per system at a time, also across
 * shells on one database), records it running, does the work, records how it ended, releases
 * the system. A job whose system is held throws {@link SystemBusy} before doing anything, and the
 * queue tries it again shortly.
 */
final class JobRunner {
    private final Store store;
    private final Lifecycle lifecycle;
    private final Sync sync;
    private final JobEvents events;
    private final String owner;
    private final java.util.function.BooleanSupplier closing;

    JobRunner(Store store, Drivers drivers, Provisioner provisioner, JobEvents events, String owner,
              java.util.function.BooleanSupplier closing) {
        this.closing = closing;
        this.store = store;
        this.lifecycle = new Lifecycle(store, drivers, provisioner);
        this.sync = new Sync(store, drivers);
        this.events = events;
        this.owner = owner;
    }

    void run(String jobId) {
        Optional<JobRecord> found = store.job(jobId);
        if (found.isEmpty() || found.get().status().finished()) return;  // cancelled before it was picked
        JobRecord job = found.get();
        String system = job.systemId();
        if (system != null && !store.claim(system, jobId)) {
            String holder = store.holder(system).orElse("?");
            events.waiting(jobId, "waiting: system " + system + " is held by job " + holder);
            throw new SystemBusy(system, holder);
        }
        JobRecord running = job.with(JobStatus.RUNNING, Instant.now(), null, null).ownedBy(owner);
        if (!store.update(running, JobStatus.QUEUED)) {  // cancelled between the read and now
            if (system != null) store.release(system, jobId);
            return;
        }
        RunningJob ctx = events.started(jobId);
        JobRecord end = running;
        try {
            if (job.kind() == JobKind.SYNC) sync.run(running, ctx);
            else lifecycle.run(running, ctx);
            end = running.with(JobStatus.SUCCEEDED, running.started(), Instant.now(), null);
        } catch (RuntimeException | Error e) {
            if (closing.getAsBoolean()) {
                end = running.with(JobStatus.INTERRUPTED, running.started(), Instant.now(),
                        "interrupted: the shell closed while it was " + ctx.step() + "; not resumed by itself ("
                                + Lifecycle.message(e) + ")");
                readBack(running);
            } else {
                JobStatus status = ctx.cancelled() ? JobStatus.CANCELLED : JobStatus.FAILED;
                end = running.with(status, running.started(), Instant.now(), Lifecycle.message(e));
            }
        } finally {
            Thread.interrupted();  // a cancel's interrupt must not leak into the worker's next job
            store.update(end);
            if (system != null) store.release(system, jobId);
            events.finished(end);
        }
    }

    private void readBack(JobRecord job) {
        if (job.systemId() == null) return;
        try {
            store.machine(job.systemId()).ifPresent(m -> lifecycle.readBack(m, job));
        } catch (RuntimeException unreadable) {
            // the record keeps what the job last wrote; the job's error says it was interrupted
        }
    }

    /** A job whose shell died while running it: reported interrupted, the machine read back, the system freed. */
    void interrupted(String jobId) {
        Optional<JobRecord> found = store.job(jobId);
        if (found.isEmpty() || found.get().status().finished()) return;
        JobRecord job = found.get();
        String error = "interrupted: the shell running it (" + (job.owner() == null ? "?" : job.owner())
                + ") ended; not resumed by itself";
        if (job.systemId() != null) {
            Optional<Machine> m = store.machine(job.systemId());
            try {
                m.ifPresent(machine -> lifecycle.readBack(machine, job));
            } catch (RuntimeException unreadable) {
                error += "; the driver could not be read: " + Lifecycle.message(unreadable);
            }
            store.release(job.systemId(), jobId);
        }
        JobRecord end = job.with(JobStatus.INTERRUPTED, job.started(), Instant.now(), error);
        store.update(end);
        events.finished(end);
    }
}

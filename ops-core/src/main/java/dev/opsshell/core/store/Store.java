package dev.opsshell.core.store;

import dev.opsshell.core.history.HistoryStore;
import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.job.JobStatus;
import dev.opsshell.core.job.Transition;
import dev.opsshell.core.schedule.ScheduleStore;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.Type;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where systems, types, jobs and transitions are kept: an SQLite file ({@code ~/.ops/ops.db}) by
 * default, PostgreSQL for a team. One schema, versioned migrations on both. Every method is one
 * transaction; methods that change two things (a machine and its transition) change both or
 * neither. Thread-safe. Nothing here ever holds a secret.
 */
public interface Store extends AutoCloseable {
    /** {@code sqlite} or {@code postgresql}. */
    String dialect();

    /** Where it is, for messages: the file, or the JDBC URL without user or password. */
    String where();

    /** The connections, for the job queue's own tables (db-scheduler) in the same database. */
    DataSource dataSource();

    // ---- machines

    void insert(Machine machine);

    /** Writes a machine's new record and the transition that led to it, in one transaction. */
    void update(Machine machine, Transition transition);

    /** Writes a machine's record without a state change (ip learned, tags). */
    void update(Machine machine);

    Optional<Machine> machine(String id);

    /** The machine whose id starts with {@code prefix}; a clear error when none or several do. */
    Machine resolve(String prefix);

    List<Machine> machines();

    /** Forgets a machine's record (its transitions stay); false when there was none. */
    boolean delete(String id);

    // ---- types

    void save(Type type);

    Optional<Type> type(String name);

    List<Type> types();

    // ---- jobs

    void insert(JobRecord job);

    void update(JobRecord job);

    /**
     * Writes a job's new record only if its status in the store is still {@code expected};
     * false when it changed meanwhile (a cancel and a worker picking the job race here).
     */
    boolean update(JobRecord job, JobStatus expected);

    Optional<JobRecord> job(String id);

    /** Newest first. */
    List<JobRecord> jobs(int limit);

    List<JobRecord> jobs(Collection<JobStatus> statuses);

    List<JobRecord> batch(String batchId);

    // ---- transitions

    /** Stores a transition alone (a job that failed before changing the machine). Returns it with its id. */
    Transition insert(Transition transition);

    List<Transition> transitions(String systemId);

    /** Every transition, oldest first (stats read these). */
    List<Transition> transitions();

    // ---- one job per system at a time, also across shells sharing a database

    /**
     * Marks {@code systemId} as worked on by {@code jobId}, atomically; false when another job
     * holds it. The same job claiming again gets true.
     */
    boolean claim(String systemId, String jobId);

    /** Releases a claim held by {@code jobId} (a claim held by another job stays). */
    void release(String systemId, String jobId);

    /** The job holding a system, if any. */
    Optional<String> holder(String systemId);

    // ---- metrics over time

    /** The samples kept as a time series (docs/metrics.md). */
    dev.opsshell.core.metrics.MetricStore metrics();

    // ---- schedules kept for `ops hub` (docs/schedules.md)

    ScheduleStore schedules();

    // ---- run history (docs/history.md)

    /** The runs recorded in this store ({@link HistoryStore}); the same object every call. */
    HistoryStore history();

    @Override
    void close();
}

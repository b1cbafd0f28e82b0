package dev.opsshell.core.store;

import dev.opsshell.core.history.HistoryStore;
import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.job.JobStatus;
import dev.opsshell.core.job.Transition;
import dev.opsshell.core.schedule.ScheduleStore;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.Type;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Store} on SQLite or PostgreSQL through JDBC: {@link #open(StoreLocation)} makes the
 * file's directory (SQLite), connects, and brings the schema up to date with Flyway, then every
 * method is one transaction.
 * <pre>{@code
 * try (Store store = JdbcStore.open(StoreLocation.resolve(flag))) { store.machines(); }
 * }</pre>
 */
public final class JdbcStore implements Store {
    private final StoreLocation at;
    private final DataSource ds;
    private final Jdbc jdbc;
    private final SampleRows samples;
    private final HistoryStore history;

    private JdbcStore(StoreLocation at, DataSource ds) {
        this.at = at;
        this.ds = ds;
        this.jdbc = new Jdbc(at, ds);
        this.samples = new SampleRows(jdbc);
        this.history = new JdbcHistory(jdbc);
    }

    /** Opens the store there, creating and migrating it as needed. */
    public static JdbcStore open(StoreLocation at) {
        return open(at, System.getenv());
    }

    /** As {@link #open(StoreLocation)}, with the environment ({@code PGPASSWORD}) given. */
    static JdbcStore open(StoreLocation at, Map<String, String> env) {
        if (at.dialect() == Dialect.SQLITE) SqliteFiles.prepare(at.file());
        DataSource ds = DataSources.open(at, env);
        try {
            migrate(at, ds);  // Flyway may hold two connections at once: before the one-connection pool
            return new JdbcStore(at, DataSources.forUse(at, ds));
        } catch (RuntimeException e) {
            DataSources.close(ds);
            throw e;
        }
    }

    /**
     * Brings the schema up to date. On SQLite, opening a connection switches the file to WAL, which
     * needs a moment's exclusive lock and does not wait out the busy timeout: shells opening one new
     * file at once can meet SQLITE_BUSY there. That is retried, bounded (about 10 s), with backoff.
     */
    private static void migrate(StoreLocation at, DataSource ds) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        for (int attempt = 1; ; attempt++) {
            try {
                Migrations.migrate(at, ds);
                return;
            } catch (StoreException e) {
                boolean busy = at.dialect() == Dialect.SQLITE && String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
                if (!busy || System.nanoTime() > deadline) throw e;
                try {
                    Thread.sleep(Math.min(50L * attempt, 500));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The store the command line names (flag, {@code OPS_STORE}, {@code ~/.ops/config}, {@code ~/.ops/ops.db}). */
    public static JdbcStore open(String flag) {
        return open(StoreLocation.resolve(flag));
    }

    public StoreLocation location() {
        return at;
    }

    @Override
    public String dialect() {
        return at.dialect().word();
    }

    @Override
    public String where() {
        return at.where();
    }

    @Override
    public DataSource dataSource() {
        return ds;
    }

    // ---- machines

    @Override
    public void insert(Machine machine) {
        jdbc.write("adding system " + machine.id(), c -> {
            if (!Jdbc.query(c, "SELECT id FROM machines WHERE id = ?", rs -> rs.getString(1), machine.id()).isEmpty()) {
                throw new StoreException("system " + machine.id() + " is already in the store " + at.where()
                        + "; give the new one another id");
            }
            return Jdbc.update(c, MachineRows.INSERT, MachineRows.insertValues(machine));
        });
    }

    @Override
    public void update(Machine machine, Transition transition) {
        jdbc.write("recording system " + machine.id() + " " + machine.state().word(), c -> {
            updateMachine(c, machine);
            return TransitionRows.insert(c, transition);
        });
    }

    @Override
    public void update(Machine machine) {
        jdbc.write("updating system " + machine.id(), c -> updateMachine(c, machine));
    }

    private int updateMachine(Connection c, Machine machine) throws SQLException {
        int n = Jdbc.update(c, MachineRows.UPDATE, MachineRows.updateValues(machine));
        if (n == 0) {
            throw new StoreException("system " + machine.id() + " is not in the store " + at.where()
                    + " (cleared meanwhile?); `systems()` lists the ones there");
        }
        return n;
    }

    @Override
    public Optional<Machine> machine(String id) {
        return jdbc.list("reading system " + id, MachineRows.SELECT + " WHERE id = ?", MachineRows::read, id)
                .stream().findFirst();
    }

    @Override
    public Machine resolve(String prefix) {
        IdPrefix.check(prefix);
        String p = prefix.strip();
        return IdPrefix.pick(p, jdbc.list("finding system " + p, MachineRows.SELECT + " WHERE substr(id, 1, ?) = ?",
                MachineRows::read, p.length(), p));
    }

    @Override
    public List<Machine> machines() {
        return jdbc.list("listing systems", MachineRows.SELECT + " ORDER BY created, id", MachineRows::read);
    }

    @Override
    public boolean delete(String id) {
        return jdbc.write("forgetting system " + id, c -> Jdbc.update(c, "DELETE FROM machines WHERE id = ?", id)) > 0;
    }

    // ---- types

    @Override
    public void save(Type type) {
        jdbc.write("saving type " + type.name(), c -> Jdbc.update(c, TypeRows.UPSERT, TypeRows.values(type)));
    }

    @Override
    public Optional<Type> type(String name) {
        return jdbc.list("reading type " + name, TypeRows.SELECT + " WHERE name = ?", TypeRows::read, name)
                .stream().findFirst();
    }

    @Override
    public List<Type> types() {
        return jdbc.list("listing types", TypeRows.SELECT + " ORDER BY name", TypeRows::read);
    }

    // ---- jobs

    @Override
    public void insert(JobRecord job) {
        jdbc.write("adding job " + job.id(), c -> Jdbc.update(c, JobRows.INSERT, JobRows.insertValues(job)));
    }

    @Override
    public void update(JobRecord job) {
        jdbc.write("updating job " + job.id(), c -> {
            int n = Jdbc.update(c, JobRows.UPDATE, JobRows.updateValues(job));
            if (n == 0) throw new StoreException("job " + job.id() + " is not in the store " + at.where());
            return n;
        });
    }

    @Override
    public boolean update(JobRecord job, JobStatus expected) {
        Object[] values = java.util.Arrays.copyOf(JobRows.updateValues(job), JobRows.updateValues(job).length + 1);
        values[values.length - 1] = expected.name();
        return jdbc.write("updating job " + job.id(), c -> Jdbc.update(c, JobRows.UPDATE + " AND status = ?", values)) == 1;
    }

    @Override
    public Optional<JobRecord> job(String id) {
        return jdbc.list("reading job " + id, JobRows.SELECT + " WHERE id = ?", JobRows::read, id).stream().findFirst();
    }

    @Override
    public List<JobRecord> jobs(int limit) {
        return jdbc.list("listing jobs", JobRows.SELECT + " ORDER BY created DESC NULLS LAST, id DESC LIMIT ?", JobRows::read,
                Math.max(0, limit));
    }

    @Override
    public List<JobRecord> jobs(Collection<JobStatus> statuses) {
        if (statuses.isEmpty()) return List.of();
        String marks = String.join(", ", java.util.Collections.nCopies(statuses.size(), "?"));
        return jdbc.list("listing jobs", JobRows.SELECT + " WHERE status IN (" + marks + ") ORDER BY created NULLS LAST, id",
                JobRows::read, statuses.stream().map(JobStatus::name).toArray());
    }

    @Override
    public List<JobRecord> batch(String batchId) {
        return jdbc.list("listing batch " + batchId, JobRows.SELECT + " WHERE batch = ? ORDER BY created NULLS LAST, id",
                JobRows::read, batchId);
    }

    // ---- transitions

    @Override
    public Transition insert(Transition transition) {
        return jdbc.write("recording a transition of " + transition.systemId(), c -> TransitionRows.insert(c, transition));
    }

    @Override
    public List<Transition> transitions(String systemId) {
        return jdbc.list("reading transitions of " + systemId, TransitionRows.SELECT + " WHERE system_id = ? ORDER BY id",
                TransitionRows::read, systemId);
    }

    @Override
    public List<Transition> transitions() {
        return jdbc.list("reading transitions", TransitionRows.SELECT + " ORDER BY id", TransitionRows::read);
    }

    // ---- claims

    @Override
    public boolean claim(String systemId, String jobId) {
        return jdbc.write("claiming system " + systemId + " for job " + jobId, c -> Claims.claim(c, systemId, jobId));
    }

    @Override
    public void release(String systemId, String jobId) {
        jdbc.write("releasing system " + systemId, c -> {
            Claims.release(c, systemId, jobId);
            return null;
        });
    }

    @Override
    public Optional<String> holder(String systemId) {
        return jdbc.read("reading the claim on " + systemId, c -> Claims.holder(c, systemId));
    }

    @Override
    public dev.opsshell.core.metrics.MetricStore metrics() {
        return samples;
    }

    @Override
    public ScheduleStore schedules() {
        return new JdbcSchedules(jdbc);
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public void close() {
        DataSources.close(ds);
    }

    @Override
    public String toString() {
        return "store " + at;
    }
}

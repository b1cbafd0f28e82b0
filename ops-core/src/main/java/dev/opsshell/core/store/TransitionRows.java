package dev.opsshell.core.store;

import dev.opsshell.core.job.JobKind;
import dev.opsshell.core.job.Transition;
import dev.opsshell.core.system.MachineState;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** The {@code transitions} table: a {@link Transition} per row, oldest first by its id; the duration in milliseconds. */
final class TransitionRows {
    static final String SELECT = "SELECT id, system_id, from_state, to_state, job_id, kind, driver, cause, start,"
            + " duration_ms, error FROM transitions";
    // RETURNING works on SQLite from 3.35 and on PostgreSQL: the new id without a dialect's own call
    static final String INSERT = "INSERT INTO transitions (system_id, from_state, to_state, job_id, kind, driver, cause,"
            + " start, duration_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

    private TransitionRows() {
    }

    /** Inserts it and returns it with its new id. */
    static Transition insert(Connection c, Transition t) throws SQLException {
        Object[] values = {t.systemId(), name(t.from()), name(t.to()), t.jobId(), t.kind() == null ? null : t.kind().name(),
                t.driver(), t.cause(), Times.text(t.start()), t.duration() == null ? 0L : t.duration().toMillis(), t.error()};
        long id = Jdbc.query(c, INSERT, rs -> rs.getLong(1), values).get(0);
        return new Transition(id, t.systemId(), t.from(), t.to(), t.jobId(), t.kind(), t.driver(), t.cause(), t.start(),
                t.duration(), t.error());
    }

    static Transition read(ResultSet rs) throws SQLException {
        String from = rs.getString("from_state");
        String kind = rs.getString("kind");
        return new Transition(rs.getLong("id"), rs.getString("system_id"), from == null ? null : MachineState.valueOf(from),
                MachineState.valueOf(rs.getString("to_state")), rs.getString("job_id"),
                kind == null ? null : JobKind.valueOf(kind), rs.getString("driver"), rs.getString("cause"),
                Times.instant(rs.getString("start")), Duration.ofMillis(rs.getLong("duration_ms")), rs.getString("error"));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}

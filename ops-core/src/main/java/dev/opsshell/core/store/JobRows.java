package dev.opsshell.core.store;

import dev.opsshell.core.job.JobKind;
import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.job.JobStatus;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The {@code jobs} table: a {@link JobRecord} per row, its arguments as JSON text. */
final class JobRows {
    static final String COLUMNS = "id, batch, kind, system_id, status, args, owner, driver, created, started, finished, error";
    static final String SELECT = "SELECT " + COLUMNS + " FROM jobs";
    static final String INSERT = "INSERT INTO jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE jobs SET batch = ?, kind = ?, system_id = ?, status = ?, args = ?, owner = ?,"
            + " driver = ?, created = ?, started = ?, finished = ?, error = ? WHERE id = ?";

    private JobRows() {
    }

    static Object[] insertValues(JobRecord j) {
        return new Object[]{j.id(), j.batch(), j.kind().name(), j.systemId(), j.status().name(), JsonColumns.map(j.args()),
                j.owner(), j.driver(), Times.text(j.created()), Times.text(j.started()), Times.text(j.finished()), j.error()};
    }

    static Object[] updateValues(JobRecord j) {
        return new Object[]{j.batch(), j.kind().name(), j.systemId(), j.status().name(), JsonColumns.map(j.args()),
                j.owner(), j.driver(), Times.text(j.created()), Times.text(j.started()), Times.text(j.finished()), j.error(),
                j.id()};
    }

    static JobRecord read(ResultSet rs) throws SQLException {
        return new JobRecord(rs.getString("id"), rs.getString("batch"), JobKind.valueOf(rs.getString("kind")),
                rs.getString("system_id"), JobStatus.valueOf(rs.getString("status")), JsonColumns.map(rs.getString("args")),
                rs.getString("owner"), rs.getString("driver"), Times.instant(rs.getString("created")),
                Times.instant(rs.getString("started")), Times.instant(rs.getString("finished")), rs.getString("error"));
    }
}

package dev.opsshell.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One job per system at a time, across every shell on one database: a claim is a row in
 * {@code system_claims} put there by {@code INSERT … ON CONFLICT DO NOTHING} (SQLite from 3.24,
 * PostgreSQL), so of any number of concurrent claimers exactly one inserts it; the others see the
 * holder's row and get false unless they are the holder.
 */
final class Claims {
    private static final String INSERT = "INSERT INTO system_claims (system_id, job_id, claimed_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (system_id) DO NOTHING";
    private static final String HOLDER = "SELECT job_id FROM system_claims WHERE system_id = ?";
    private static final String RELEASE = "DELETE FROM system_claims WHERE system_id = ? AND job_id = ?";
    private static final int TRIES = 3;

    private Claims() {
    }

    static boolean claim(Connection c, String systemId, String jobId) throws SQLException {
        for (int i = 0; i < TRIES; i++) {
            if (Jdbc.update(c, INSERT, systemId, jobId, Times.text(Instant.now())) == 1) return true;
            Optional<String> holder = holder(c, systemId);
            // empty: the holder released it between the two statements (PostgreSQL, read committed): try again
            if (holder.isPresent()) return holder.get().equals(jobId);
        }
        return false;
    }

    static void release(Connection c, String systemId, String jobId) throws SQLException {
        Jdbc.update(c, RELEASE, systemId, jobId);
    }

    static Optional<String> holder(Connection c, String systemId) throws SQLException {
        List<String> found = Jdbc.query(c, HOLDER, rs -> rs.getString(1), systemId);
        return found.stream().findFirst();
    }
}

package dev.opsshell.core.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * One store's connections, used one transaction at a time: {@link #write} runs its work in a
 * transaction that commits whole or rolls back whole (on SQLite an IMMEDIATE one, see
 * {@link DataSources}); {@link #read} runs a single consistent read. Failures become
 * {@link StoreException}s that say what was being done, on which store.
 */
final class Jdbc {
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final StoreLocation at;
    private final DataSource ds;

    Jdbc(StoreLocation at, DataSource ds) {
        this.at = at;
        this.ds = ds;
    }

    <T> T write(String doing, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw StoreErrors.of(at, doing, e);
        }
    }

    <T> T read(String doing, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw StoreErrors.of(at, doing, e);
        }
    }

    <T> List<T> list(String doing, String sql, Row<T> row, Object... params) {
        return read(doing, c -> query(c, sql, row, params));
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(row.map(rs));
            return out;
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p == null) ps.setNull(i + 1, Types.VARCHAR);
                else if (p instanceof Integer n) ps.setInt(i + 1, n);
                else if (p instanceof Long n) ps.setLong(i + 1, n);
                else ps.setString(i + 1, p.toString());
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}

package dev.opsshell.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Many rows as few statements: {@code head (?, ?, ?), (?, ?, ?), … tail} of up to {@code rows}
 * rows each, the whole statements as one JDBC batch, then one statement for the rest. A round of
 * 7 800 samples is 26 statements, not 7 800.
 */
final class MultiRow {
    /** Binds row {@code index} of the list to the parameters from {@code first} on. */
    interface Binder {
        void bind(PreparedStatement ps, int first, int index) throws SQLException;
    }

    private MultiRow() {
    }

    /**
     * Runs the statements for rows {@code 0..count-1}. {@code row} is one row's placeholders, as
     * {@code "(?, ?, ?)"}, with {@code params} parameters.
     */
    static void run(Connection c, String head, String row, int params, String tail, int rows, int count, Binder binder)
            throws SQLException {
        int whole = count - count % rows;
        if (whole > 0) {
            try (PreparedStatement ps = c.prepareStatement(sql(head, row, rows, tail))) {
                for (int from = 0; from < whole; from += rows) {
                    bind(ps, params, from, rows, binder);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (whole < count) {
            try (PreparedStatement ps = c.prepareStatement(sql(head, row, count - whole, tail))) {
                bind(ps, params, whole, count - whole, binder);
                ps.executeUpdate();
            }
        }
    }

    static String sql(String head, String row, int rows, String tail) {
        return head + String.join(", ", Collections.nCopies(rows, row)) + tail;
    }

    private static void bind(PreparedStatement ps, int params, int from, int rows, Binder binder) throws SQLException {
        for (int i = 0; i < rows; i++) binder.bind(ps, 1 + i * params, from + i);
    }
}

package dev.opsshell.core.store;

import dev.opsshell.core.metrics.Sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code series} table's ids, cached: a series (host, metric, field, label) is looked up in
 * the database once per process, then in memory. A series not known yet is inserted (or, when
 * another store added it first, read) inside the caller's transaction, and remembered only once
 * that commits: a rolled-back round leaves no id behind that the database does not have.
 * <p>
 * Two stores adding the same new series at once: the insert skips a series already there
 * ({@code ON CONFLICT DO NOTHING}), and the ids are read back after it. On PostgreSQL the second
 * insert waits on the unique key until the first transaction ends, and the read (a new statement
 * under READ COMMITTED) sees its row; new series are inserted in one order (metric, host, field,
 * label), so two such transactions never wait on each other crosswise. On SQLite the IMMEDIATE
 * write transaction already runs them one after the other. Series are never deleted (retention
 * deletes samples), so a cached id stays valid.
 */
final class SeriesIds {
    /** Rows a statement: 4 parameters each, 800 a statement, under every SQLite's limit (999). */
    private static final int ROWS = 200;
    private static final String ROW = "(?, ?, ?, ?)";
    private static final String INSERT = "INSERT INTO series (metric, host, field, label) VALUES ";
    private static final String SKIP_KNOWN = " ON CONFLICT (metric, host, field, label) DO NOTHING";
    private static final String SELECT = "SELECT id, metric, host, field, label FROM series"
            + " WHERE (metric, host, field, label) IN (VALUES ";

    /** A series' identity, ordered as the unique key is. */
    record Key(String metric, String host, String field, String label) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::metric).thenComparing(Key::host)
                .thenComparing(Key::field).thenComparing(Key::label);

        static Key of(Sample s) {
            return new Key(s.metric(), s.host(), s.field(), s.label());
        }
    }

    private final Map<Key, Long> known = new ConcurrentHashMap<>();

    /**
     * The series id of each sample, in order; those not known yet are added to {@code learned}
     * (to hand to {@link #remember} after the commit).
     */
    long[] resolve(Connection c, List<Sample> samples, Map<Key, Long> learned) throws SQLException {
        long[] ids = new long[samples.size()];
        Key[] keys = null;
        TreeSet<Key> missing = null;
        for (int i = 0; i < ids.length; i++) {
            Key key = Key.of(samples.get(i));
            Long id = known.get(key);
            if (id != null) {
                ids[i] = id;
                continue;
            }
            if (keys == null) {
                keys = new Key[ids.length];
                missing = new TreeSet<>(Key.ORDER);
            }
            keys[i] = key;
            missing.add(key);
        }
        if (keys == null) return ids;
        List<Key> adding = new ArrayList<>(missing);
        MultiRow.run(c, INSERT, ROW, 4, SKIP_KNOWN, ROWS, adding.size(), (ps, p, i) -> bind(ps, p, adding.get(i)));
        Map<Key, Long> found = read(c, adding);
        for (int i = 0; i < ids.length; i++) {
            if (keys[i] == null) continue;
            Long id = found.get(keys[i]);
            if (id == null) throw new SQLException("series " + keys[i] + " was inserted but cannot be read back");
            ids[i] = id;
        }
        learned.putAll(found);
        return ids;
    }

    /** Keeps the ids a committed transaction added or read. */
    void remember(Map<Key, Long> learned) {
        known.putAll(learned);
    }

    private static Map<Key, Long> read(Connection c, List<Key> keys) throws SQLException {
        Map<Key, Long> found = new HashMap<>(keys.size() * 2);
        for (int from = 0; from < keys.size(); from += ROWS) {
            List<Key> part = keys.subList(from, Math.min(keys.size(), from + ROWS));
            try (PreparedStatement ps = c.prepareStatement(MultiRow.sql(SELECT, ROW, part.size(), ")"))) {
                for (int i = 0; i < part.size(); i++) bind(ps, 1 + i * 4, part.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) found.put(new Key(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), rs.getLong(1));
                }
            }
        }
        return found;
    }

    private static void bind(PreparedStatement ps, int p, Key k) throws SQLException {
        ps.setString(p, k.metric());
        ps.setString(p + 1, k.host());
        ps.setString(p + 2, k.field());
        ps.setString(p + 3, k.label());
    }
}

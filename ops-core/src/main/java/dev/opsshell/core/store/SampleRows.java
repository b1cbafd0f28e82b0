package dev.opsshell.core.store;

import dev.opsshell.core.metrics.MetricStore;
import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.metrics.SampleFilter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code samples} table (every sample, a time series) and {@code samples_latest} (the newest
 * per host, metric, field and label, kept up to date on insert, so the newest of a fleet is one
 * small read however long the history is). Times are epoch milliseconds here, unlike the other
 * tables' text: a series has many rows, and an integer index is a quarter of the size.
 */
final class SampleRows implements MetricStore {
    /** Rows a statement: a round of 200 hosts is 78 statements, not 7 800 (600 parameters, under every SQLite's and PostgreSQL's limit). */
    private static final int ROWS = 100;
    private static final String INSERT = "INSERT INTO samples (host, metric, field, label, at_ms, value) VALUES ";
    private static final String UPSERT_LATEST = "INSERT INTO samples_latest (host, metric, field, label, at_ms, value) VALUES ";
    private static final String ON_CONFLICT = " ON CONFLICT (host, metric, field, label)"
            + " DO UPDATE SET at_ms = excluded.at_ms, value = excluded.value WHERE excluded.at_ms >= samples_latest.at_ms";
    private static final String ORDER = " ORDER BY host, metric, field, label, at_ms";

    private final Jdbc jdbc;

    SampleRows(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(List<Sample> samples) {
        if (samples.isEmpty()) return;
        List<Sample> newest = newestPerSeries(samples);
        jdbc.write("storing " + samples.size() + " samples", c -> {
            insertRows(c, INSERT, "", samples);
            insertRows(c, UPSERT_LATEST, ON_CONFLICT, newest);
            return samples.size();
        });
    }

    /**
     * The newest sample of each series in the list (the later one of equal times, as row-by-row
     * upserts would leave it): PostgreSQL refuses a statement that upserts one row twice.
     */
    private static List<Sample> newestPerSeries(List<Sample> samples) {
        Map<SeriesKey, Sample> newest = new HashMap<>(samples.size() * 2);
        for (Sample s : samples) newest.merge(new SeriesKey(s.host(), s.metric(), s.field(), s.label()), s,
                (had, now) -> now.at().isBefore(had.at()) ? had : now);
        return newest.size() == samples.size() ? samples : new ArrayList<>(newest.values());
    }

    private record SeriesKey(String host, String metric, String field, String label) {
    }

    /** The samples as statements of {@link #ROWS} rows each, one JDBC batch, then one statement for the rest. */
    private static void insertRows(Connection c, String head, String tail, List<Sample> samples) throws SQLException {
        int whole = samples.size() - samples.size() % ROWS;
        if (whole > 0) {
            try (PreparedStatement ps = c.prepareStatement(sql(head, ROWS, tail))) {
                for (int from = 0; from < whole; from += ROWS) {
                    bind(ps, samples, from, ROWS);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (whole < samples.size()) {
            try (PreparedStatement ps = c.prepareStatement(sql(head, samples.size() - whole, tail))) {
                bind(ps, samples, whole, samples.size() - whole);
                ps.executeUpdate();
            }
        }
    }

    private static String sql(String head, int rows, String tail) {
        return head + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?)")) + tail;
    }

    private static void bind(PreparedStatement ps, List<Sample> samples, int from, int rows) throws SQLException {
        int p = 1;
        for (Sample s : samples.subList(from, from + rows)) {
            ps.setString(p++, s.host());
            ps.setString(p++, s.metric());
            ps.setString(p++, s.field());
            ps.setString(p++, s.label());
            ps.setLong(p++, s.at().toEpochMilli());
            ps.setDouble(p++, s.value());
        }
    }

    @Override
    public List<Sample> query(SampleFilter f) {
        return select("reading samples", "samples", f, true);
    }

    @Override
    public List<Sample> latest(SampleFilter f) {
        return select("reading the newest samples", "samples_latest", f, false);
    }

    private List<Sample> select(String doing, String table, SampleFilter f, boolean timed) {
        StringBuilder sql = new StringBuilder("SELECT host, metric, field, label, at_ms, value FROM " + table + " WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.metric() != null) where(sql, params, "metric = ?", f.metric());
        if (f.host() != null) {
            if (f.host().contains("*")) where(sql, params, "host LIKE ? ESCAPE '\\'", like(f.host()));
            else where(sql, params, "host = ?", f.host());
        }
        if (f.field() != null) where(sql, params, "field = ?", f.field());
        if (f.label() != null) where(sql, params, "label = ?", f.label());
        if (timed && f.since() != null) where(sql, params, "at_ms >= ?", f.since().toEpochMilli());
        if (timed && f.until() != null) where(sql, params, "at_ms < ?", f.until().toEpochMilli());
        sql.append(ORDER);
        return jdbc.list(doing, sql.toString(), SampleRows::read, params.toArray());
    }

    private static void where(StringBuilder sql, List<Object> params, String clause, Object value) {
        sql.append(" AND ").append(clause);
        params.add(value);
    }

    /** A glob ({@code web*}) as a LIKE pattern, with LIKE's own wildcards in the name taken literally. */
    static String like(String glob) {
        return glob.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%');
    }

    private static Sample read(ResultSet rs) throws SQLException {
        return new Sample(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(6),
                Instant.ofEpochMilli(rs.getLong(5)));
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        long ms = cutoff.toEpochMilli();
        return jdbc.write("purging samples before " + cutoff, c -> {
            int n = Jdbc.update(c, "DELETE FROM samples WHERE at_ms < ?", ms);
            Jdbc.update(c, "DELETE FROM samples_latest WHERE at_ms < ?", ms);
            return n;
        });
    }
}

package dev.opsshell.core.store;

import dev.opsshell.core.metrics.MetricStore;
import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.metrics.SampleFilter;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code samples} table (every sample, keyed by series id and time), {@code samples_latest}
 * (the newest per series, kept up to date on insert, so the newest of a fleet is one small read
 * however long the history is), and {@code series} (host, metric, field and label once, with the
 * id the other two use; see {@link SeriesIds}). Times are epoch milliseconds here, unlike the other
 * tables' text: a series has many rows, and an integer key is small.
 */
final class SampleRows implements MetricStore {
    /** Rows a statement: 3 parameters each, 900 a statement, under every SQLite's limit (999). */
    private static final int ROWS = 300;
    private static final String ROW = "(?, ?, ?)";
    private static final String INSERT = "INSERT INTO samples (series_id, at_ms, value) VALUES ";
    /** A sample of a series at a time already stored replaces it: the last write wins, as in samples_latest. */
    private static final String REPLACE = " ON CONFLICT (series_id, at_ms) DO UPDATE SET value = excluded.value";
    private static final String UPSERT_LATEST = "INSERT INTO samples_latest (series_id, at_ms, value) VALUES ";
    private static final String NEWER_WINS = " ON CONFLICT (series_id)"
            + " DO UPDATE SET at_ms = excluded.at_ms, value = excluded.value WHERE excluded.at_ms >= samples_latest.at_ms";
    /**
     * Series first, then each one's range by the key: SQLite takes a CROSS JOIN's order as written
     * (without it, a time range alone scanned every sample), PostgreSQL plans it as any inner join.
     */
    private static final String COLUMNS = "SELECT r.host, r.metric, r.field, r.label, s.at_ms, s.value FROM series r CROSS JOIN ";
    private static final String ORDER = " ORDER BY r.host, r.metric, r.field, r.label, s.at_ms";

    private final Jdbc jdbc;
    private final SeriesIds series = new SeriesIds();

    SampleRows(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(List<Sample> samples) {
        if (samples.isEmpty()) return;
        Map<SeriesIds.Key, Long> learned = new HashMap<>();
        jdbc.write("storing " + samples.size() + " samples", c -> {
            long[] ids = series.resolve(c, samples, learned);
            Rows rows = Rows.of(samples, ids);
            MultiRow.run(c, INSERT, ROW, 3, REPLACE, ROWS, rows.all.length, (ps, p, i) -> bind(ps, p, samples, ids, rows.all[i]));
            MultiRow.run(c, UPSERT_LATEST, ROW, 3, NEWER_WINS, ROWS, rows.newest.length,
                    (ps, p, i) -> bind(ps, p, samples, ids, rows.newest[i]));
            return samples.size();
        });
        series.remember(learned);
    }

    /**
     * Which of the list's samples go in: {@code all} once per series and time (the later of two),
     * {@code newest} once per series (the newest; the later of equal times): a statement may touch
     * a row only once on PostgreSQL. Both in series id order, so two stores writing the same series
     * lock their rows in one order and never wait on each other crosswise (PostgreSQL detected a
     * deadlock and failed one of them when one took a round in the other order).
     */
    private record Rows(int[] all, int[] newest) {
        static Rows of(List<Sample> samples, long[] ids) {
            Map<Long, Integer> newest = new HashMap<>(samples.size() * 2);
            for (int i = 0; i < ids.length; i++) {
                Instant at = samples.get(i).at();
                newest.merge(ids[i], i, (had, now) -> at.isBefore(samples.get(had).at()) ? had : now);
            }
            if (newest.size() == ids.length) {
                int[] each = bySeries(newest.values(), ids);
                return new Rows(each, each);
            }
            Map<SeriesTime, Integer> once = new LinkedHashMap<>(samples.size() * 2);
            for (int i = 0; i < ids.length; i++) once.put(new SeriesTime(ids[i], samples.get(i).at().toEpochMilli()), i);
            return new Rows(bySeries(once.values(), ids), bySeries(newest.values(), ids));
        }

        private static int[] bySeries(Collection<Integer> rows, long[] ids) {
            return rows.stream().sorted(Comparator.comparingLong(i -> ids[i])).mapToInt(Integer::intValue).toArray();
        }
    }

    private record SeriesTime(long series, long atMs) {
    }

    private static void bind(PreparedStatement ps, int p, List<Sample> samples, long[] ids, int i) throws SQLException {
        Sample s = samples.get(i);
        ps.setLong(p, ids[i]);
        ps.setLong(p + 1, s.at().toEpochMilli());
        ps.setDouble(p + 2, s.value());
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
        StringBuilder sql = new StringBuilder(COLUMNS + table + " s WHERE s.series_id = r.id");
        List<Object> params = new ArrayList<>();
        if (f.metric() != null) where(sql, params, "r.metric = ?", f.metric());
        if (f.host() != null) {
            if (f.host().contains("*")) where(sql, params, "r.host LIKE ? ESCAPE '\\'", like(f.host()));
            else where(sql, params, "r.host = ?", f.host());
        }
        if (f.field() != null) where(sql, params, "r.field = ?", f.field());
        if (f.label() != null) where(sql, params, "r.label = ?", f.label());
        if (timed && f.since() != null) where(sql, params, "s.at_ms >= ?", f.since().toEpochMilli());
        if (timed && f.until() != null) where(sql, params, "s.at_ms < ?", f.until().toEpochMilli());
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

    /**
     * Deletes through the key, one range of each series (there is no index on time alone: it would
     * cost every round more than it saves the hourly purge). Series stay, with their ids.
     */
    @Override
    public int purgeBefore(Instant cutoff) {
        long ms = cutoff.toEpochMilli();
        return jdbc.write("purging samples before " + cutoff, c -> {
            int n = Jdbc.update(c, "DELETE FROM samples WHERE series_id IN (SELECT id FROM series) AND at_ms < ?", ms);
            Jdbc.update(c, "DELETE FROM samples_latest WHERE at_ms < ?", ms);
            return n;
        });
    }
}

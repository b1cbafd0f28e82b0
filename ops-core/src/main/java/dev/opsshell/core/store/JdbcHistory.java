package dev.opsshell.core.store;

import dev.opsshell.core.history.HistoryStore;
import dev.opsshell.core.history.HostRecord;
import dev.opsshell.core.history.RunDetail;
import dev.opsshell.core.history.RunQuery;
import dev.opsshell.core.history.RunRecord;

import dev.opsshell.core.result.Outcome;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** {@link HistoryStore} on the store's database: the {@code runs}, {@code run_hosts} and {@code history_meta} tables. */
final class JdbcHistory implements HistoryStore {
    private static final String LAST_PURGE = "last_purge";
    private final Jdbc jdbc;

    JdbcHistory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RunRecord record(RunRecord run, List<HostRecord> hosts) {
        return run.withId(jdbc.write("recording the run of " + run.operation(), c -> RunRows.insert(c, run, hosts)));
    }

    @Override
    public List<RunRecord> runs(RunQuery query) {
        StringBuilder sql = new StringBuilder(RunRows.SELECT);
        List<Object> values = RunRows.where(query, sql);
        sql.append(" ORDER BY id DESC LIMIT ?");
        values.add(query.limit());
        return jdbc.list("listing runs", sql.toString(), RunRows::read, values.toArray());
    }

    @Override
    public Map<Long, Map<Outcome, Integer>> outcomes(Collection<Long> runIds) {
        Map<Long, Map<Outcome, Integer>> out = new HashMap<>();
        if (runIds.isEmpty()) return out;
        String marks = String.join(", ", Collections.nCopies(runIds.size(), "?"));
        jdbc.list("counting the outcomes of " + runIds.size() + " runs", "SELECT run_id, outcome, count(*) FROM run_hosts"
                        + " WHERE run_id IN (" + marks + ") GROUP BY run_id, outcome",
                rs -> out.computeIfAbsent(rs.getLong(1), id -> new EnumMap<>(Outcome.class))
                        .put(Outcome.valueOf(rs.getString(2)), rs.getInt(3)), runIds.toArray());
        return out;
    }

    @Override
    public Optional<RunDetail> run(long id) {
        return jdbc.read("reading run " + id, c -> {
            List<RunRecord> run = Jdbc.query(c, RunRows.SELECT + " WHERE id = ?", RunRows::read, id);
            if (run.isEmpty()) return Optional.empty();
            return Optional.of(new RunDetail(run.get(0), Jdbc.query(c, RunRows.SELECT_HOSTS, RunRows::readHost, id)));
        });
    }

    @Override
    public int purge(Instant cutoff) {
        String before = Times.text(cutoff);
        return jdbc.write("purging runs before " + cutoff, c -> {
            Jdbc.update(c, "DELETE FROM run_hosts WHERE run_id IN (SELECT id FROM runs WHERE finished < ?)", before);
            int n = Jdbc.update(c, "DELETE FROM runs WHERE finished < ?", before);
            String now = Times.text(Instant.now());
            if (Jdbc.update(c, "UPDATE history_meta SET value = ? WHERE name = ?", now, LAST_PURGE) == 0) {
                Jdbc.update(c, "INSERT INTO history_meta (name, value) VALUES (?, ?)", LAST_PURGE, now);
            }
            return n;
        });
    }

    @Override
    public Optional<Instant> lastPurge() {
        return jdbc.list("reading when runs were last purged", "SELECT value FROM history_meta WHERE name = ?",
                rs -> Times.instant(rs.getString(1)), LAST_PURGE).stream().findFirst();
    }
}

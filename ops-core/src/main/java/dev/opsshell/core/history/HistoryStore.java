package dev.opsshell.core.history;

import dev.opsshell.core.result.Outcome;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Where recorded runs are kept: {@code Store.history()}, on SQLite or PostgreSQL. Every method is
 * one transaction; thread-safe.
 * <pre>{@code
 * HistoryStore h = store.history();
 * List<RunRecord> lastFailed = h.runs(RunQuery.all().failed().limit(10));   // newest first
 * RunDetail one = h.run(lastFailed.get(0).id()).orElseThrow();             // with every host
 * }</pre>
 */
public interface HistoryStore {
    /** Stores a run and all its hosts in one transaction (the hosts batched); returns the run with its new id. */
    RunRecord record(RunRecord run, List<HostRecord> hosts);

    /** The runs the query selects, newest first (by id, which grows with each run recorded). */
    List<RunRecord> runs(RunQuery query);

    /** How many hosts of each run ended each way ({@code OK 198, UNREACHABLE 2}), for tables of many runs. */
    Map<Long, Map<Outcome, Integer>> outcomes(Collection<Long> runIds);

    /** One run with every host's outcome and output, in the order they were recorded. */
    Optional<RunDetail> run(long id);

    /** Forgets the runs finished before {@code cutoff} (and their hosts), notes when; returns how many. */
    int purge(Instant cutoff);

    /** When runs were last purged in this store, by any shell. */
    Optional<Instant> lastPurge();
}

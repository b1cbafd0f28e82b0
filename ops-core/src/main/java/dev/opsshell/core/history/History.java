package dev.opsshell.core.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The recorded runs as the shell shows them: {@code history()} is the newest {@link RunQuery#DEFAULT_LIMIT},
 * narrowed by chaining, read from the store each time it is shown or listed (so it stays current).
 * <pre>{@code
 * history().failed().host("web01").since(Duration.ofHours(2))   // prints a table, newest first
 * history().get(42)                                             // one run, host by host
 * history().get(42).rerunFailed()                               // again, on the hosts that failed
 * }</pre>
 */
public final class History implements Iterable<RunRecord> {
    private final Supplier<HistoryStore> store;
    private final RunQuery query;

    public History(Supplier<HistoryStore> store, RunQuery query) {
        this.store = Objects.requireNonNull(store, "store");
        this.query = Objects.requireNonNull(query, "query");
    }

    public RunQuery query() {
        return query;
    }

    /** Only runs where some host did not end ok. */
    public History failed() {
        return new History(store, query.failed());
    }

    /** Only runs that included this host. */
    public History host(String name) {
        return new History(store, query.host(name));
    }

    /** Only runs whose operation matches a glob: {@code "apt*"}, {@code "*restart nginx"}. */
    public History operation(String glob) {
        return new History(store, query.operation(glob));
    }

    /** Only runs finished within the last {@code ago}. */
    public History since(Duration ago) {
        return new History(store, query.since(Instant.now().minus(ago)));
    }

    /** Only runs finished at or after {@code from}. */
    public History since(Instant from) {
        return new History(store, query.since(from));
    }

    /** Only runs finished from {@code from} (inclusive) to {@code to} (exclusive). */
    public History between(Instant from, Instant to) {
        return new History(store, query.since(from).until(to));
    }

    /** The newest {@code n} of them. */
    public History last(int n) {
        return new History(store, query.limit(n));
    }

    /** The runs, newest first. */
    public List<RunRecord> list() {
        return store.get().runs(query);
    }

    /** One run with every host; a clear error when there is no such run. */
    public RunDetail get(long id) {
        return store.get().run(id).orElseThrow(() -> new IllegalArgumentException("no run #" + id
                + " in history (purged, or never recorded); history() lists the runs kept"));
    }

    /** The newest run the filters select, with every host. */
    public RunDetail latest() {
        List<RunRecord> runs = store.get().runs(query.limit(1));
        if (runs.isEmpty()) throw new IllegalArgumentException(query.limit(RunQuery.DEFAULT_LIMIT).equals(RunQuery.all())
                ? NONE_YET : "no run recorded that matches; history() lists the runs kept");
        return get(runs.get(0).id());
    }

    @Override
    public Iterator<RunRecord> iterator() {
        return list().iterator();
    }

    /** An empty store is not an empty answer to a filter: say what gets recorded. */
    static final String NONE_YET = "no runs recorded yet; each operation run from the shell, a script, ops -e or a schedule"
            + " is recorded when it ends";

    /** The table, newest first: what the prompt shows. */
    @Override
    public String toString() {
        List<RunRecord> runs = list();
        if (runs.isEmpty() && query.limit(RunQuery.DEFAULT_LIMIT).equals(RunQuery.all())) return NONE_YET;
        return RunText.table(runs).stripTrailing();
    }
}

package dev.opsshell.remote;

import dev.opsshell.core.history.History;
import dev.opsshell.core.history.RunQuery;
import dev.opsshell.remote.fleet.SessionStore;

/**
 * The history vocabulary, preloaded by {@code import static dev.opsshell.remote.HistoryOps.*}:
 * <pre>{@code
 * history()                                      // the newest runs, as a table
 * history().failed().since(Duration.ofHours(1))  // narrowed
 * history().get(42).rerunFailed()                // one run again, on the hosts that failed
 * }</pre>
 */
public final class HistoryOps {
    private HistoryOps() {
    }

    /** The runs recorded in the session's store, newest first; narrow with failed(), host(), operation(), since(), last(). */
    public static History history() {
        return new History(() -> SessionStore.current().history(), RunQuery.all());
    }
}

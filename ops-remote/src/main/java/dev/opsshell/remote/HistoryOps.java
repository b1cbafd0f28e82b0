package dev.opsshell.remote;

import dev.opsshell.core.Session;
import dev.opsshell.core.history.History;
import dev.opsshell.core.history.HistoryStore;
import dev.opsshell.core.history.RunQuery;
import dev.opsshell.remote.fleet.SessionStore;
import dev.opsshell.remote.history.SessionHistory;

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
        return new History(HistoryOps::store, RunQuery.all());
    }

    /** The session's history, once the runs it finished so far are written (a run just finished is shown). */
    private static HistoryStore store() {
        Session session = Session.current();
        SessionHistory.flush(session);
        return SessionStore.of(session).history();
    }
}

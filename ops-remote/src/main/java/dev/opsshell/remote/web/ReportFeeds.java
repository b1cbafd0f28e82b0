package dev.opsshell.remote.web;

import dev.opsshell.core.Session;
import dev.opsshell.core.report.RecentEvents;
import dev.opsshell.core.report.ReportFeed;
import dev.opsshell.core.store.Store;
import dev.opsshell.remote.fleet.SessionStore;
import dev.opsshell.remote.history.HistoryReportFeed;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where reports read from: the store, for {@code ops report}, {@code ops hub --http} and
 * {@code report()} in the shell (the session's store); what one session saw when no store opens.
 */
public final class ReportFeeds {
    private static final Map<Session, RecentEvents> WATCHED = new WeakHashMap<>();

    private ReportFeeds() {
    }

    /** The store's samples ({@code Store.metrics()}) and runs ({@code Store.history()}). */
    public static ReportFeed ofStore(Store store) {
        return new HistoryReportFeed(store.history(), new StoredSamples(store.metrics()));
    }

    /** Starts keeping what {@code session}'s events show (runs, samples), for {@link #forSession}. */
    public static synchronized void watch(Session session) {
        if (WATCHED.containsKey(session)) return;
        RecentEvents recent = RecentEvents.of(session.events());
        WATCHED.put(session, recent);
        session.closeOnExit(recent);
    }

    /**
     * The feed of {@code session}'s report: its store's samples and runs (every shell's and the
     * hub's on that store, as {@code ops report} shows). When the store cannot be opened, what
     * this session saw since {@link #watch}, and a line saying why.
     */
    public static synchronized ReportFeed forSession(Session session) {
        try {
            return ofStore(SessionStore.of(session));
        } catch (RuntimeException e) {
            session.out().println("the store cannot be read (" + e.getMessage() + "); the report shows this session's"
                    + " own runs and samples");
            watch(session);
            return WATCHED.get(session);
        }
    }
}

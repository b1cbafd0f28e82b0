package dev.opsshell.remote.web;

import dev.opsshell.core.Session;
import dev.opsshell.core.report.RecentEvents;
import dev.opsshell.core.report.ReportFeed;
import dev.opsshell.core.store.Store;
import dev.opsshell.remote.history.HistoryReportFeed;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where reports read from: the store ({@code ops report}, {@code ops hub --http}) and the current
 * session ({@code report()} in the shell). The two places the metric store and run history plug in.
 */
public final class ReportFeeds {
    private static final Map<Session, RecentEvents> WATCHED = new WeakHashMap<>();

    private ReportFeeds() {
    }

    /**
     * The store's samples and runs: the runs from its history ({@code Store.history()}). Until the
     * store keeps metrics ({@code Store.metrics()}: the newest per host, a time range) there are no
     * samples; connect them here, in place of the empty feed.
     */
    public static ReportFeed ofStore(Store store) {
        return new HistoryReportFeed(store.history(), ReportFeed.empty());
    }

    /** Starts keeping what {@code session}'s events show (runs, samples), for {@link #forSession}. */
    public static synchronized void watch(Session session) {
        if (WATCHED.containsKey(session)) return;
        RecentEvents recent = RecentEvents.of(session.events());
        WATCHED.put(session, recent);
        session.closeOnExit(recent);
    }

    /**
     * The feed of {@code session}'s report: what it saw since {@link #watch} (watching from now if
     * it was not). Once runs and samples are kept in the store, this becomes the store's feed.
     */
    public static synchronized ReportFeed forSession(Session session) {
        watch(session);
        return WATCHED.get(session);
    }
}

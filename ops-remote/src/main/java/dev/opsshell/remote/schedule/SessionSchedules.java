package dev.opsshell.remote.schedule;

import dev.opsshell.core.Session;
import dev.opsshell.core.schedule.ScheduleState;
import dev.opsshell.core.schedule.ScheduleStore;
import dev.opsshell.core.schedule.Scheduler;
import dev.opsshell.core.schedule.StoredRunner;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.remote.fleet.SessionFleet;
import dev.opsshell.remote.fleet.SessionStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A session's schedules: its own {@link Scheduler} for lambdas (closed with it) and the store
 * ({@code --store}, {@code OPS_STORE}, {@code ~/.ops/config}, {@code ~/.ops/ops.db}) for the
 * stored ones {@code ops hub} runs. Both opened on first use.
 */
public final class SessionSchedules {
    private static final Map<Session, Scheduler> SCHEDULERS = new WeakHashMap<>();

    private SessionSchedules() {
    }

    public static synchronized Scheduler scheduler(Session session) {
        return SCHEDULERS.computeIfAbsent(session, s -> {
            Scheduler scheduler = new Scheduler(s.events());
            s.closeOnExit(scheduler);
            return scheduler;
        });
    }

    public static synchronized ScheduleStore stored(Session session) {
        return SessionStore.of(session).schedules(); // the shell's one store, shared with the fleet and history
    }

    /** The session's and the store's schedules, with a note when stored ones have no hub to run them. */
    public static ScheduleList list(Session session, boolean withStored) {
        List<ScheduleState> all = new ArrayList<>(scheduler(session).list());
        String note = "";
        if (withStored) {
            ScheduleStore store = stored(session);
            Instant now = Instant.now();
            store.list().forEach(s -> all.add(s.state(now)));
            if (all.stream().anyMatch(s -> s.where().equals("hub"))) note = noHubNote(store, now);
        }
        return new ScheduleList(all, note);
    }

    /** "" when a hub noted itself lately; else what to run so the stored schedules run. */
    public static String noHubNote(ScheduleStore store, Instant now) {
        boolean alive = store.runners().stream().anyMatch(r -> Duration.between(r.seen(), now).compareTo(StoredRunner.ALIVE) < 0);
        return alive ? "" : "no `ops hub` runs the stored schedules of this store (none seen in the last "
                + StoredRunner.ALIVE.toSeconds() + " s): they are kept and start when one does: ops hub"
                + (SessionFleet.storeFlag() == null ? "" : " --store " + StoreLocation.resolve(SessionFleet.storeFlag()).where());
    }
}

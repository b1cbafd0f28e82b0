package dev.opsshell.shell.schedule;

import dev.opsshell.core.Session;
import dev.opsshell.core.run.Progress;
import dev.opsshell.core.schedule.StoredRunner;
import dev.opsshell.core.store.Store;
import dev.opsshell.remote.fleet.SessionStore;
import dev.opsshell.remote.hub.Hub;
import dev.opsshell.remote.hub.SessionHub;
import dev.opsshell.remote.schedule.SessionNotify;
import dev.opsshell.shell.Options;
import dev.opsshell.shell.terminal.ConsolePrompter;

import java.net.InetAddress;
import java.time.Duration;

/**
 * What {@code ops hub} does besides agents: notifications (log lines on by default, agents gone),
 * and unless {@code --no-schedules} it opens the store ({@code --store}, {@code OPS_STORE},
 * {@code ~/.ops/config}, {@code ~/.ops/ops.db}) and runs its stored schedules in a session of its
 * own (its inventory, this hub for agents), with notifications watching that session (log lines on
 * by default). A store that cannot be opened leaves the hub running without schedules, and says so.
 */
public final class HubSchedules implements AutoCloseable {
    /** How often the store is read: {@code ops.schedule.poll-ms} / {@code OPS_SCHEDULE_POLL_MS}, default 1000. */
    static final String POLL_PROPERTY = "ops.schedule.poll-ms";
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final Session session;
    private final StoredRunner runner;

    private HubSchedules(Session session, StoredRunner runner) {
        this.session = session;
        this.runner = runner;
    }

    /**
     * Starts the hub's session (its inventory, this hub for agents) with notifications, and, unless
     * {@code schedules} is false, the runner of the store's schedules. Null (after saying why on
     * stderr) when the inventory cannot be read; a store that cannot be opened only turns schedules off.
     */
    public static HubSchedules start(Options options, Hub hub, boolean schedules) {
        Session session;
        try {
            session = options.openSession(System.out, ConsolePrompter.forThisProcess(), Progress.Factory.NONE);
        } catch (RuntimeException e) { // an inventory that cannot be read
            System.err.println("ops hub: schedules and notifications off: " + e.getMessage());
            return null;
        }
        SessionNotify.install(session, line -> System.err.println("ops hub: " + line), true);
        SessionHub.use(session, hub); // agents gone become notices; the session closes the hub with it
        StoredRunner runner = null;
        if (schedules) {
            try {
                // the session's one store: history records the schedules' runs in it too
                Store store = SessionStore.of(session);
                String id = host() + ":" + ProcessHandle.current().pid() + ":" + System.currentTimeMillis();
                runner = new StoredRunner(store.schedules(), session.events(), id, "ops hub on " + hub.endpoint(), poll(),
                        LEASE, line -> System.err.println("ops hub: " + line)).start();
                System.out.println("schedules: running the stored schedules of " + store.where() + " (ops schedule list)");
            } catch (RuntimeException e) {
                System.err.println("ops hub: schedules off: " + e.getMessage());
            }
        }
        return new HubSchedules(session, runner);
    }

    private static Duration poll() {
        String v = System.getProperty(POLL_PROPERTY, System.getenv().getOrDefault("OPS_SCHEDULE_POLL_MS", "1000")).strip();
        if (v.matches("\\d{2,9}")) return Duration.ofMillis(Long.parseLong(v));
        System.err.println("ops hub: OPS_SCHEDULE_POLL_MS must be a number of milliseconds from 10, was '" + v + "'; using 1000");
        return Duration.ofSeconds(1);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        if (runner != null) runner.close();
        session.close(); // closes the store after history's last write
    }
}

package dev.opsshell.remote.fleet;

import dev.opsshell.core.Session;
import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.fleet.Fleet;
import dev.opsshell.core.job.JobQueue;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.system.Machine;
import dev.opsshell.remote.hub.SessionHub;

/**
 * The fleet of the current session, opened on first use: the session's store ({@link SessionStore}:
 * {@code --store}, {@code OPS_STORE}, {@code ~/.ops/config} or {@code ~/.ops/ops.db}); every driver on
 * the class path; the job queue; and a provisioner over ops's own transports. Closed with the
 * session. The systems table's agent column asks the session's hub.
 */
public final class SessionFleet {
    private static volatile Fleet fleet;
    private static volatile Session owner;
    private static final HostProvisioner PROVISIONER = new HostProvisioner();

    private SessionFleet() {
    }

    /** The store the shell was started with ({@code --store}); null for the usual lookup. */
    public static void storeFlag(String flag) {
        SessionStore.flag(flag);
    }

    /** The store flag given ({@code --store}), null for the usual lookup; schedules open the same store. */
    public static String storeFlag() {
        return SessionStore.flag();
    }

    public static HostProvisioner provisioner() {
        return PROVISIONER;
    }

    public static Fleet current() {
        Session session = Session.current();
        Fleet f = fleet;
        if (f != null && owner == session) return f;
        synchronized (SessionFleet.class) {
            if (fleet == null || owner != session) {
                Store store = SessionStore.of(session); // shared with history: one store per shell
                Fleet opened = new Fleet(store, new Drivers(), PROVISIONER, JobQueue.Options.defaults(), session::prompter);
                opened.agentConnected(m -> agentConnected(session, m));
                SessionStore.closeBefore(session, () -> close(opened));
                fleet = opened;
                owner = session;
            }
            return fleet;
        }
    }

    /**
     * Whether an agent is connected to the session's hub under the system's hostname or fqdn (the
     * names agents register with). No hub running means none is; asking never starts one.
     */
    static boolean agentConnected(Session session, Machine m) {
        return SessionHub.existing(session)
                .map(link -> link.connected(m.hostname()) || (!m.fqdn().equals(m.hostname()) && link.connected(m.fqdn())))
                .orElse(false);
    }

    private static synchronized void close(Fleet f) {
        if (fleet == f) {
            fleet = null;
            owner = null;
        }
        f.close();
    }
}

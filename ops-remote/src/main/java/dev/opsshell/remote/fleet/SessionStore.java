package dev.opsshell.remote.fleet;

import dev.opsshell.core.Session;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.store.StoreLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one store of a session, opened on first use (by the systems vocabulary, or by history when
 * the first run is recorded): the store named by {@code --store}, {@code OPS_STORE},
 * {@code ~/.ops/config} or the default {@code ~/.ops/ops.db}. Nothing is opened at start-up, so the
 * prompt comes no later for it. Closed with the session, after what uses it
 * ({@link #closeBefore}). Thread-safe.
 */
public final class SessionStore {
    private static volatile String flag;
    private static final Map<Session, Holder> HOLDERS = new ConcurrentHashMap<>();

    private SessionStore() {
    }

    /** The store the shell was started with ({@code --store}); null for the usual lookup. */
    public static void flag(String storeFlag) {
        flag = storeFlag;
    }

    /** The store flag given ({@code --store}), null for the usual lookup. */
    public static String flag() {
        return flag;
    }

    /**
     * Registers the session's store-to-be with the session now, so that opening it later (on
     * another thread, maybe while the session closes) never has to touch the session.
     */
    public static void attach(Session session) {
        holder(session);
    }

    public static Store current() {
        return of(Session.current());
    }

    /** The session's store, opened now if it was not yet. */
    public static Store of(Session session) {
        return holder(session).open();
    }

    /** Closes {@code dependent} (a fleet's job queue) before the session's store when the session closes. */
    public static void closeBefore(Session session, AutoCloseable dependent) {
        holder(session).dependents.add(dependent);
    }

    private static Holder holder(Session session) {
        return HOLDERS.computeIfAbsent(session, s -> {
            Holder h = new Holder(flag);
            s.closeOnExit(() -> close(s));
            return h;
        });
    }

    private static void close(Session session) throws Exception {
        Holder h = HOLDERS.remove(session);
        if (h != null) h.close();
    }

    private static final class Holder implements AutoCloseable {
        private final String flag;
        private final List<AutoCloseable> dependents = new java.util.concurrent.CopyOnWriteArrayList<>();
        private Store store;     // guarded by this
        private boolean closed;  // guarded by this

        Holder(String flag) {
            this.flag = flag;
        }

        synchronized Store open() {
            if (closed) throw new IllegalStateException("the session is closed; its store is too");
            if (store == null) store = JdbcStore.open(StoreLocation.resolve(flag));
            return store;
        }

        @Override
        public void close() throws Exception {
            List<AutoCloseable> first = new ArrayList<>(dependents);
            java.util.Collections.reverse(first);
            Exception failed = null;
            for (AutoCloseable d : first) {
                try {
                    d.close();
                } catch (Exception e) {
                    if (failed == null) failed = e; else failed.addSuppressed(e);
                }
            }
            Store s;
            synchronized (this) {
                closed = true;
                s = store;
                store = null;
            }
            if (s != null) s.close();
            if (failed != null) throw failed;
        }
    }
}

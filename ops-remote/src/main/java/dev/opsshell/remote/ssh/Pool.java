package dev.opsshell.remote.ssh;

import dev.opsshell.core.transport.Settings;
import net.schmizz.sshj.SSHClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open, logged-in SSH connections kept by {@link Endpoint} and reused across commands and REPL
 * lines: one connection carries many commands, at most {@link #SESSIONS_PER_CONNECTION} at once
 * (OpenSSH's default MaxSessions is 10). A connection found dead is replaced; jump host
 * connections are pooled the same way. Thread-safe: threads wanting the same endpoint wait for one
 * connect and then share it.
 */
final class Pool implements AutoCloseable {
    static final int SESSIONS_PER_CONNECTION = 8;

    private final Connector connector;
    private final ConcurrentMap<Endpoint, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private volatile boolean closed;

    private static final class Slot {
        final Semaphore sessions = new Semaphore(SESSIONS_PER_CONNECTION);
        SSHClient client;
    }

    /** A connection lent for one command; closing it gives the session slot back. */
    static final class Lease implements AutoCloseable {
        private final Slot slot;
        private final SSHClient client;
        private final boolean fresh;

        private Lease(Slot slot, SSHClient client, boolean fresh) {
            this.slot = slot;
            this.client = client;
            this.fresh = fresh;
        }

        SSHClient client() {
            return client;
        }

        /** True when this lease opened the connection (rather than reusing a pooled one). */
        boolean fresh() {
            return fresh;
        }

        @Override
        public void close() {
            slot.sessions.release();
        }
    }

    Pool(Connector connector) {
        this.connector = connector;
    }

    /** A live connection to the target with a free session slot; waits for a slot if all are busy. */
    Lease lease(Target target, Settings settings) throws InterruptedException {
        Slot slot = slots.computeIfAbsent(target.endpoint(), e -> new Slot());
        slot.sessions.acquire();
        try {
            synchronized (slot) {
                boolean reuse = slot.client != null && alive(slot.client);
                return new Lease(slot, connected(slot, target, settings), !reuse);
            }
        } catch (RuntimeException e) {
            slot.sessions.release();
            throw e;
        }
    }

    /** Drops a connection that failed, so the next command reconnects. */
    void evict(Endpoint endpoint, SSHClient client) {
        Slot slot = slots.get(endpoint);
        if (slot == null) return;
        synchronized (slot) {
            if (slot.client == client) slot.client = null;
        }
        closeQuietly(client);
    }

    /** How many connections this pool has opened so far (reuse shows as no increase). */
    int opened() {
        return opened.get();
    }

    private SSHClient connected(Slot slot, Target target, Settings settings) {
        synchronized (slot) {
            if (closed) throw new IllegalStateException("the SSH transport is closed");
            if (slot.client != null && alive(slot.client)) return slot.client;
            closeQuietly(slot.client);
            slot.client = null;
            SSHClient jump = target.jump() == null ? null : jumpClient(target.jump(), settings);
            slot.client = connector.connect(target, jump, settings);
            opened.incrementAndGet();
            return slot.client;
        }
    }

    private SSHClient jumpClient(Target jump, Settings settings) {
        return connected(slots.computeIfAbsent(jump.endpoint(), e -> new Slot()), jump, settings);
    }

    static boolean alive(SSHClient client) {
        return client.isConnected() && client.isAuthenticated() && client.getTransport().isRunning();
    }

    @Override
    public void close() {
        closed = true;
        List<Endpoint> endpoints = new ArrayList<>(slots.keySet());
        endpoints.sort(Comparator.comparingInt(Pool::depth).reversed()); // tunnelled ones before their jump hosts
        for (Endpoint e : endpoints) {
            Slot slot = slots.remove(e);
            if (slot == null) continue;
            synchronized (slot) {
                closeQuietly(slot.client);
                slot.client = null;
            }
        }
    }

    private static int depth(Endpoint e) {
        return e.jump() == null ? 0 : 1 + depth(e.jump());
    }

    static void closeQuietly(SSHClient client) {
        if (client == null) return;
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // closing a broken connection may fail; it is being dropped either way
        }
    }
}

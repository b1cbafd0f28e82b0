package dev.opsshell.remote.hub;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Waiting for socket threads and ending ZeroMQ contexts from a thread that may be interrupted
 * (Ctrl-C) meanwhile. jeromq cannot end a context from a thread interrupted before or during it:
 * it prints the InterruptedException, closes selectors under its I/O threads and throws "Errno 4".
 */
final class Joins {
    private Joins() {
    }

    /**
     * Waits up to {@code millis} for {@code thread} to end, through interrupts; returns whether the
     * caller was interrupted meanwhile, for it to set its interrupt again once it is done.
     */
    static boolean join(Thread thread, long millis) {
        boolean interrupted = false;
        long end = System.nanoTime() + millis * 1_000_000L;
        while (thread.isAlive()) {
            long left = (end - System.nanoTime()) / 1_000_000L;
            if (left <= 0) break;
            try {
                thread.join(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /**
     * Runs {@code close} on a thread no one interrupts and waits for it (up to 10 s) through the
     * caller's interrupts; returns whether the caller was interrupted meanwhile. What it throws is
     * thrown here.
     */
    static boolean closeUninterrupted(String name, Runnable close) {
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread closer = new Thread(() -> {
            try {
                close.run();
            } catch (RuntimeException e) {
                failed.set(e);
            }
        }, name);
        closer.setDaemon(true);
        closer.start();
        boolean interrupted = join(closer, 10_000);
        if (failed.get() != null) throw failed.get();
        return interrupted;
    }
}

package dev.opsshell.agent.protocol;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What jeromq's I/O threads report without failing — most often a connection or a mailbox closed
 * under them while a context shuts down — counted, with the last one kept, instead of printed as a
 * stack trace on the operator's terminal (jeromq's default). Install it with
 * {@code context.setNotificationExceptionHandler(notices)}. Thread-safe.
 */
public final class IoNotices implements Thread.UncaughtExceptionHandler {
    private final AtomicLong count = new AtomicLong();
    private volatile String last = "";

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        count.incrementAndGet();
        last = thread.getName() + ": " + e;
    }

    public long count() {
        return count.get();
    }

    /** The last notice, {@code THREAD: EXCEPTION}, or empty. */
    public String last() {
        return last;
    }
}

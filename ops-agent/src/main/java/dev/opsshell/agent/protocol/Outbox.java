package dev.opsshell.agent.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands items from any thread to the one thread that owns a ZeroMQ socket. Producers {@link #post};
 * the owner polls {@link #channel()} next to its socket and, when it is readable, calls
 * {@link #drain()}. A ZeroMQ socket is not thread-safe, and a poller cannot be woken by a queue,
 * so a pipe carries one wake-up byte at a time. Thread-safe; close it after the owner has stopped.
 *
 * @param <T> what is handed over (frames, or requests with their routing)
 */
public final class Outbox<T> implements AutoCloseable {
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final Pipe pipe;

    public Outbox() {
        try {
            pipe = Pipe.open();
            pipe.source().configureBlocking(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the wake-up pipe for a socket's outbox", e);
        }
    }

    /** Queues an item and wakes the owner. */
    public void post(T item) {
        queue.add(item);
        wake();
    }

    /**
     * Wakes the owner without an item (to make it look at a stop flag, say). Safe from a thread
     * whose interrupt is set (a request cancelled by Ctrl-C): a pipe is an interruptible channel,
     * which an interrupted writer would close for good, so the interrupt is held back during the
     * write and set again after.
     */
    public void wake() {
        if (!signalled.compareAndSet(false, true)) return;
        boolean interrupted = Thread.interrupted();
        synchronized (pipe) {
            try {
                pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            } catch (IOException e) {
                // the pipe is closed: the owner has stopped and will not read the queue again
                signalled.set(false);
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
    }

    /** What the owner registers in its poller. */
    public SelectableChannel channel() {
        return pipe.source();
    }

    /** Clears the wake-up and takes the next item, or null; call until null after each wake-up. */
    public T drain() {
        if (signalled.get()) {
            signalled.set(false);
            try {
                ByteBuffer buf = ByteBuffer.allocate(64);
                while (pipe.source().read(buf) > 0) buf.clear();
            } catch (IOException e) {
                throw new UncheckedIOException("the outbox's wake-up pipe failed", e);
            }
        }
        return queue.poll();
    }

    public int size() {
        return queue.size();
    }

    @Override
    public void close() {
        synchronized (pipe) {
            try {
                pipe.sink().close();
                pipe.source().close();
            } catch (IOException e) {
                // closing a pipe only fails if it is already broken; nothing is left to release
            }
        }
    }
}

/*
 * This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy of
 * the MPL was not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/.
 *
 * jeromq 0.6.0's zmq/Signaler.java (https://github.com/zeromq/jeromq, tag v0.6.0), carried by ops
 * with one change, marked "ops:" below: send() counts a signal before it writes the signal's byte,
 * not after.
 *
 * Why: a mailbox's reader learns of a signal in two ways, the byte in the pipe (what the I/O
 * thread's selector, or a socket's poller, sees) and the count (what waitEvent(0) and so
 * Mailbox.recv(0) look at, to save a system call). Writing the byte first left a window in which
 * the pipe was readable but the count said "nothing": the reader woke, found no command, returned,
 * and its level-triggered selector woke it again at once, until the sender thread counted. Writing
 * to a pipe wakes the reader, and on a busy machine the scheduler often runs the woken reader and
 * leaves the writer waiting for a time slice right inside that window: with 200 agents beating
 * every 2 s, the hub's I/O thread went round its loop about 16 000 times a second for about 100
 * commands, and half of an idle hub's CPU went to it. Counted first, a readable pipe always has its
 * count; the opposite window (counted, byte not yet written) is a few instructions with no system
 * call in it, and recv() reads until the byte is there, as it always did.
 *
 * The ops build puts this class ahead of jeromq's own as it does zmq.poll.Poller's (see that file
 * and docs/agent.md); JeromqPatch checks at run time that this copy is the one loaded.
 */
package zmq;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicLong;

import zmq.util.Errno;
import zmq.util.Utils;

//  This is a cross-platform equivalent to signal_fd. However, as opposed
//  to signal_fd there can be at most one signal in the signaler at any
//  given moment. Attempt to send a signal before receiving the previous
//  one will result in undefined behaviour.
final class Signaler implements Closeable
{
    //  ops: tells JeromqPatch that this copy, not the jeromq jar's, was loaded.
    public static final String OPS_PATCH = "count-before-write";

    private interface IoOperation<O>
    {
        O call() throws IOException;
    }

    //  Underlying write & read file descriptor.
    private final Pipe.SinkChannel   w;
    private final Pipe.SourceChannel r;
    private final Selector           selector;
    private final ThreadLocal<ByteBuffer>         wdummy = ThreadLocal.withInitial(() -> ByteBuffer.allocate(1));
    private final ThreadLocal<ByteBuffer>         rdummy = ThreadLocal.withInitial(() -> ByteBuffer.allocate(1));

    // Selector.selectNow at every sending message doesn't show enough performance
    private final AtomicLong wcursor = new AtomicLong(0);
    private long             rcursor = 0;

    private final Errno errno;
    private final int   pid;
    private final Ctx   ctx;

    Signaler(Ctx ctx, int pid, Errno errno)
    {
        this.ctx = ctx;
        this.pid = pid;
        this.errno = errno;
        //  Create the socket pair for signaling.

        try {
            Pipe pipe = Pipe.open();

            r = pipe.source();
            w = pipe.sink();

            //  Set both fds to non-blocking mode.
            Utils.unblockSocket(w, r);

            selector = ctx.createSelector();
            r.register(selector, SelectionKey.OP_READ);
        }
        catch (IOException e) {
            throw new ZError.IOException(e);
        }
    }

    private <O> O maksInterrupt(IoOperation<O> operation) throws IOException
    {
        // This loop try to protect the current thread from external interruption.
        // If it happens, it mangles current context internal state.
        // So it keep trying until it succeed.
        // This must only be called on internal IO (using Pipe)
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                return operation.call();
            }
            catch (ClosedByInterruptException e) {
                interrupted = true;
            }
            finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public void close() throws IOException
    {
        IOException exception = null;
        IoOperation<Object> op1 = () -> {
            r.close();
            return null;
        };
        IoOperation<Object> op2 = () -> {
            w.close();
            return null;
        };
        IoOperation<Object> op3 = () -> {
            ctx.closeSelector(selector);
            return null;
        };

        for (IoOperation<?> op : new IoOperation<?>[] {op1, op2, op3}) {
            try {
                maksInterrupt(op);
            }
            catch (IOException e) {
                if (exception != null) {
                    e.addSuppressed(exception);
                }
                exception = e;
            }
        }
        if (exception != null) {
            throw exception;
        }
    }

    SelectableChannel getFd()
    {
        return r;
    }

    void send()
    {
        int nbytes = 0;

        //  ops: counted before the byte is written, so a reader that sees the byte sees the count
        //  (the other order made the reader spin while the sender waited for the CPU).
        wcursor.incrementAndGet();
        while (nbytes == 0) {
            try {
                wdummy.get().clear();
                nbytes = maksInterrupt(() -> w.write(wdummy.get()));
            }
            catch (IOException e) {
                throw new ZError.IOException(e);
            }
        }
    }

    boolean waitEvent(long timeout)
    {
        // Transform a interrupt signal in an errno EINTR
        if (Thread.interrupted()) {
            errno.set(ZError.EINTR);
            return false;
        }
        int rc;
        boolean brc = (rcursor < wcursor.get());
        if (brc) {
            return true;
        }
        try {
            if (timeout == 0) {
                // waitEvent(0) is called every read/send of SocketBase
                // instant readiness is not strictly required
                // On the other hand, we can save lots of system call and increase performance
                errno.set(ZError.EAGAIN);
                return false;

            }
            else if (timeout < 0) {
                rc = selector.select(0);
            }
            else {
                rc = selector.select(timeout);
            }
        }
        catch (ClosedSelectorException e) {
            errno.set(ZError.EINTR);
            return false;
        }
        catch (IOException e) {
            errno.set(ZError.exccode(e));
            return false;
        }

        if (Thread.interrupted() || (rc == 0 && timeout <= 0 && ! selector.keys().isEmpty())) {
            errno.set(ZError.EINTR);
            return false;
        }
        else if (rc == 0) {
            errno.set(ZError.EAGAIN);
            return false;
        }

        selector.selectedKeys().clear();

        return true;
    }

    void recv()
    {
        int nbytes = 0;
        // On windows, there may be a need to try several times until it succeeds
        while (nbytes == 0) {
            try {
                rdummy.get().clear();
                nbytes = maksInterrupt(() -> r.read(rdummy.get()));
            }
            catch (ClosedChannelException e) {
                errno.set(ZError.EINTR);
                return;
            }
            catch (IOException e) {
                throw new ZError.IOException(e);
            }
        }
        assert (nbytes == 1);
        rcursor++;
    }

    @Override
    public String toString()
    {
        return "Signaler[" + pid + "]";
    }
}

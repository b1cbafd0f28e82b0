/*
 * This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy of
 * the MPL was not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/.
 *
 * jeromq 0.6.0's zmq/poll/Poller.java (https://github.com/zeromq/jeromq, tag v0.6.0), carried by ops
 * with one change, marked "ops:" below: the fix of jeromq pull request #1022, "Poller: flush
 * cancelled keys before registering handles" (https://github.com/zeromq/jeromq/pull/1022; the
 * upstream reports are issues #912 and #624).
 *
 * The bug: run() retired and registered handles in one pass over fdTable. When a TCP connect
 * finishes, the connecter's handle is removed and the new stream engine's handle is added on the
 * same channel before that pass. A cancelled SelectionKey stays registered until the next select,
 * so keyFor(selector) returned the dead key for the engine's handle: neither null (register) nor
 * valid (interestOps). The engine's channel was never polled, the client never sent its ZMTP
 * greeting and waited for the handshake timer (30 s by default). Seen as about 1 in 50 to 1 in
 * 400 new connections to the hub getting no answer on a loaded machine.
 *
 * The ops build puts this class ahead of jeromq's own: ops-agent's classes come before the jeromq
 * jar on every class path (ops-remote declares ops-agent first; ops-shell's manifest Class-Path
 * follows the same order) and the shaded ops-agent.jar leaves jeromq's copy out. JeromqPatch checks
 * at run time that this copy is the one loaded. Drop this file, JeromqPatch and the shade filter in
 * ops-agent/pom.xml when a jeromq release contains the fix (see docs/agent.md).
 */
package zmq.poll;

import java.io.IOException;
import java.lang.Thread.UncaughtExceptionHandler;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import zmq.Ctx;
import zmq.ZError;

public final class Poller extends PollerBase implements Runnable
{
    //  ops: tells JeromqPatch that this copy, not the jeromq jar's, was loaded.
    public static final String OPS_PATCH = "jeromq#1022";

    // opaque class to mimic libzmq behaviour.
    // extra interest is we do not need to look through the fdTable to perform common operations.
    public static final class Handle
    {
        private final SelectableChannel fd;
        private final IPollEvents       handler;

        private int     ops;
        private boolean cancelled;

        public Handle(SelectableChannel fd, IPollEvents handler)
        {
            assert (fd != null);
            assert (handler != null);
            this.fd = fd;
            this.handler = handler;
        }

        @Override
        public int hashCode()
        {
            final int prime = 31;
            int result = 1;
            result = prime * result + fd.hashCode();
            result = prime * result + handler.hashCode();
            return result;
        }

        @Override
        public boolean equals(Object other)
        {
            if (this == other) {
                return true;
            }
            if (other == null) {
                return false;
            }
            if (!(other instanceof Handle)) {
                return false;
            }
            Handle that = (Handle) other;
            return this.fd.equals(that.fd) && this.handler.equals(that.handler);
        }

        @Override
        public String toString()
        {
            return "Handle-" + fd;
        }
    }

    // Reference to ZMQ context.
    private final Ctx ctx;

    //  stores data for registered descriptors.
    private final Set<Handle> fdTable;

    //  If true, there's at least one retired event source.
    private boolean retired = false;

    //  If true, thread is in the process of shutting down.
    private final AtomicBoolean  stopping = new AtomicBoolean();
    private final CountDownLatch stopped  = new CountDownLatch(1);
    private final UncaughtExceptionHandler exnotification;

    private Selector selector;

    public Poller(Ctx ctx, String name)
    {
        super(name, ctx.getThreadFactory());
        this.ctx = ctx;
        exnotification = ctx.getNotificationExceptionHandler();
        fdTable = new HashSet<>();
        selector = ctx.createSelector();
    }

    public void destroy()
    {
        try {
            stop();
            stopped.await();
        }
        catch (InterruptedException e) {
            e.printStackTrace();
            // Re-interrupt the thread so the caller can handle it.
            Thread.currentThread().interrupt();
        }
        finally {
            ctx.closeSelector(selector);
        }
    }

    public Handle addHandle(SelectableChannel fd, IPollEvents events)
    {
        assert (Thread.currentThread() == worker || !worker.isAlive());

        Handle handle = new Handle(fd, events);
        fdTable.add(handle);

        //  Increase the load metric of the thread.
        adjustLoad(1);
        return handle;
    }

    public void removeHandle(Handle handle)
    {
        assert (Thread.currentThread() == worker || !worker.isAlive());

        //  Mark the fd as unused.
        handle.cancelled = true;
        retired = true;

        //  Decrease the load metric of the thread.
        adjustLoad(-1);
    }

    public void setPollIn(Handle handle)
    {
        register(handle, SelectionKey.OP_READ, true);
    }

    public void resetPollIn(Handle handle)
    {
        register(handle, SelectionKey.OP_READ, false);
    }

    public void setPollOut(Handle handle)
    {
        register(handle, SelectionKey.OP_WRITE, true);
    }

    public void resetPollOut(Handle handle)
    {
        register(handle, SelectionKey.OP_WRITE, false);
    }

    public void setPollConnect(Handle handle)
    {
        register(handle, SelectionKey.OP_CONNECT, true);
    }

    public void setPollAccept(Handle handle)
    {
        register(handle, SelectionKey.OP_ACCEPT, true);
    }

    private void register(Handle handle, int ops, boolean add)
    {
        assert (Thread.currentThread() == worker || !worker.isAlive());

        if (add) {
            handle.ops |= ops;
        }
        else {
            handle.ops &= ~ops;
        }
        retired = true;
    }

    public void start()
    {
        worker.start();
    }

    public void stop()
    {
        stopping.set(true);
        retired = false;
        selector.wakeup();
    }

    @Override
    public void run()
    {
        int returnsImmediately = 0;

        while (!stopping.get()) {
            //  Execute any due timers.
            long timeout = executeTimers();

            if (retired) {
                retired = false;
                //  ops: retire first, let the selector drop the cancelled keys, then register, so a
                //  new handle on a channel whose old handle was just removed gets a key of its own
                //  (jeromq#1022).
                if (retireCancelled()) {
                    flushCancelledKeys();
                }
                for (Handle handle : fdTable) {
                    SelectionKey key = handle.fd.keyFor(selector);
                    if (key == null) {
                        try {
                            key = handle.fd.register(selector, handle.ops, handle);
                            assert (key != null);
                        }
                        catch (CancelledKeyException | ClosedSelectorException | ClosedChannelException e) {
                            exnotification.uncaughtException(worker, e);
                        }
                    }
                    else if (key.isValid()) {
                        key.interestOps(handle.ops);
                    }
                    else {
                        //  ops: still cancelled (the flush failed): the next select, woken at once,
                        //  deregisters it, and the next pass registers the handle
                        retired = true;
                        selector.wakeup();
                    }
                }
            }

            //  Wait for events.
            int rc;
            long start = System.currentTimeMillis();
            try {
                rc = selector.select(timeout);
            }
            catch (ClosedSelectorException e) {
                rebuildSelector();
                exnotification.uncaughtException(worker, e);
                ctx.errno().set(ZError.EINTR);
                continue;
            }
            catch (IOException e) {
                throw new ZError.IOException(e);
            }

            //  If there are no events (i.e. it's a timeout) there's no point
            //  in checking the keys.
            if (rc == 0) {
                returnsImmediately = maybeRebuildSelector(returnsImmediately, timeout, start);
                continue;
            }

            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey key = it.next();
                Handle pollset = (Handle) key.attachment();
                it.remove();
                if (pollset.cancelled) {
                    continue;
                }

                try {
                    if (key.isValid() && key.isAcceptable()) {
                        pollset.handler.acceptEvent();
                    }
                    if (key.isValid() && key.isConnectable()) {
                        pollset.handler.connectEvent();
                    }
                    if (key.isValid() && key.isWritable()) {
                        pollset.handler.outEvent();
                    }
                    if (key.isValid() && key.isReadable()) {
                        pollset.handler.inEvent();
                    }
                }
                catch (RuntimeException e) {
                    exnotification.uncaughtException(worker, e);
                }
            }
        }
        stopped.countDown();
    }

    //  ops: removes the cancelled and closed handles and cancels their keys; true if a key was cancelled.
    private boolean retireCancelled()
    {
        boolean cancelledKey = false;
        Iterator<Handle> iter = fdTable.iterator();
        while (iter.hasNext()) {
            Handle handle = iter.next();
            if (handle.cancelled || !handle.fd.isOpen()) {
                SelectionKey key = handle.fd.keyFor(selector);
                if (key != null) {
                    key.cancel();
                    cancelledKey = true;
                }
                iter.remove();
            }
        }
        return cancelledKey;
    }

    //  ops: a selection operation deregisters cancelled keys. The action form leaves the
    //  selected-key set alone; a channel that is ready now is reported again by the next select,
    //  as the JDK's selectors are level-triggered.
    private void flushCancelledKeys()
    {
        try {
            selector.selectNow(key -> { });
        }
        catch (ClosedSelectorException | IOException e) {
            exnotification.uncaughtException(worker, e);
        }
    }

    private int maybeRebuildSelector(int returnsImmediately, long timeout, long start)
    {
        //  Guess JDK epoll bug
        if (timeout == 0 || System.currentTimeMillis() - start < timeout / 2) {
            returnsImmediately++;
        }
        else {
            returnsImmediately = 0;
        }

        if (returnsImmediately > 10) {
            rebuildSelector();
            returnsImmediately = 0;
        }
        return returnsImmediately;
    }

    private void rebuildSelector()
    {
        Selector oldSelector = selector;

        selector = ctx.createSelector();
        retired = true;

        ctx.closeSelector(oldSelector);
    }
}

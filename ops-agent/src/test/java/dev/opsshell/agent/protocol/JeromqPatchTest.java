package dev.opsshell.agent.protocol;

import org.junit.jupiter.api.Test;
import zmq.Ctx;
import zmq.poll.IPollEvents;
import zmq.poll.Poller;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The I/O poller hand-off that jeromq 0.6.0 loses (jeromq#1022): when a TCP connect completes, the
 * connecter's handle is removed and the stream engine's handle added on the same channel before
 * the poller's next pass. Here one handle's event does exactly that on a pipe, deterministically.
 */
class JeromqPatchTest {

    @Test
    void theFixedPollerIsTheOneOnTheClassPath() {
        assertTrue(JeromqPatch.active(), JeromqPatch.WARNING);
    }

    @Test
    void aHandleAddedOnAChannelWhoseHandleWasJustRemovedGetsItsEvents() throws Exception {
        Ctx ctx = new Ctx();
        Poller poller = new Poller(ctx, "hand-off");
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        CountDownLatch engineHeard = new CountDownLatch(1);
        IPollEvents engine = new IPollEvents() {
            @Override
            public void inEvent() {
                drain(pipe);
                engineHeard.countDown();
            }
        };
        HandOff connecter = new HandOff(poller, pipe, engine);
        try {
            connecter.own = poller.addHandle(pipe.source(), connecter);
            poller.setPollIn(connecter.own);
            poller.start();
            pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            assertTrue(engineHeard.await(10, TimeUnit.SECONDS),
                    "the new handle was never polled: jeromq's Poller lost the hand-off (jeromq#1022)");
        } finally {
            poller.destroy();
            ctx.terminate();
            pipe.sink().close();
            pipe.source().close();
        }
    }

    /** The connecter's part: on its event, removes its handle and adds the engine's on the same channel. */
    private static final class HandOff implements IPollEvents {
        private final Poller poller;
        private final Pipe pipe;
        private final IPollEvents engine;
        Poller.Handle own;

        HandOff(Poller poller, Pipe pipe, IPollEvents engine) {
            this.poller = poller;
            this.pipe = pipe;
            this.engine = engine;
        }

        @Override
        public void inEvent() {
            // like TcpConnecter.connectEvent then StreamEngine.plug, in one pass of the I/O thread; the
            // byte stays unread, so the engine's channel is readable as soon as it is polled
            poller.removeHandle(own);
            poller.setPollIn(poller.addHandle(pipe.source(), engine));
        }
    }

    private static void drain(Pipe pipe) {
        try {
            pipe.source().read(ByteBuffer.allocate(16));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

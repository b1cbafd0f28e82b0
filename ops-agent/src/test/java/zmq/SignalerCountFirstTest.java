package zmq;

import org.junit.jupiter.api.Test;
import zmq.util.Errno;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ops' zmq.Signaler counts a signal before it writes the signal's byte, so a reader that can see the
 * byte (a readable pipe wakes the I/O thread's selector) also sees the count (what Mailbox.recv(0)
 * asks). jeromq's own wrote first and counted after: a reader woken in between found nothing and was
 * woken again at once, spinning until the sender got the CPU back. Here the sender is held inside
 * send() deterministically, by a full pipe, and the count must already be visible.
 */
class SignalerCountFirstTest {

    @Test
    void aSignalIsCountedBeforeItsByteIsWritten() throws Exception {
        Ctx ctx = new Ctx();
        Signaler signaler = new Signaler(ctx, 1, new Errno());
        Pipe.SinkChannel sink = (Pipe.SinkChannel) field(signaler, "w");
        Pipe.SourceChannel source = (Pipe.SourceChannel) field(signaler, "r");
        try {
            int filler = 0;
            for (int n; (n = sink.write(ByteBuffer.allocate(4096))) > 0; ) filler += n; // non-blocking: until full
            Thread sender = new Thread(signaler::send, "sender");
            sender.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean counted = false;
            while (!counted && System.nanoTime() < deadline) {
                counted = signaler.waitEvent(0);
                Thread.onSpinWait();
            }
            assertTrue(sender.isAlive(), "the sender should still be waiting to write its byte into the full pipe");
            // the pipe was readable all along (the filler), as it is for a woken reader in the real race
            assertTrue(counted, "the signal was not counted while its sender waited to write the byte:"
                    + " jeromq's own Signaler, whose readers spin in that window");

            ByteBuffer drain = ByteBuffer.allocate(4096);
            for (int left = filler; left > 0; ) {
                drain.clear().limit(Math.min(drain.capacity(), left));
                left -= source.read(drain);
            }
            sender.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(sender.isAlive(), "send() did not finish once the pipe had room");
            signaler.recv();
            assertFalse(signaler.waitEvent(0), "one signal, one count: nothing is left after recv()");
            assertEquals(0, source.read(ByteBuffer.allocate(1)), "recv() read the signal's byte and no other");
        } finally {
            signaler.close();
            ctx.terminate();
        }
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }
}

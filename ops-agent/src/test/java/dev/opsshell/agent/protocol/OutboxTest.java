package dev.opsshell.agent.protocol;

import org.junit.jupiter.api.Test;

import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-overs to a socket's owner thread survive a poster whose interrupt is set (Ctrl-C): an
 * interrupted write used to close the wake-up pipe, after which the owner's poll never waited again.
 */
class OutboxTest {

    @Test
    void anInterruptedPosterStillWakesTheOwnerAndKeepsItsInterrupt() throws Exception {
        try (Outbox<String> outbox = new Outbox<>(); Selector selector = Selector.open()) {
            outbox.channel().register(selector, SelectionKey.OP_READ);
            AtomicBoolean kept = new AtomicBoolean();
            Thread cancelled = new Thread(() -> {
                Thread.currentThread().interrupt();
                outbox.post("cancel");
                kept.set(Thread.currentThread().isInterrupted());
            });
            cancelled.start();
            cancelled.join();
            assertTrue(kept.get(), "the poster must still see its interrupt");
            assertEquals(1, selector.select(10_000), "the owner was not woken");
            selector.selectedKeys().clear();
            assertEquals("cancel", outbox.drain());
            assertNull(outbox.drain());
            // a closed pipe reads as end-of-file, which is "readable" for ever: the owner would spin
            selector.selectNow();
            assertTrue(selector.selectedKeys().isEmpty(), "the drained outbox still wakes its owner: its pipe was"
                    + " closed by the interrupted poster");

            outbox.post("next"); // the wake-up pipe still works for everyone after
            assertEquals(1, selector.select(10_000), "the wake-up pipe was closed by the interrupted poster");
            assertEquals("next", outbox.drain());
        }
    }
}

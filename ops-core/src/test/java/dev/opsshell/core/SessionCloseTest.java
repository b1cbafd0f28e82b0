package dev.opsshell.core;

import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.transport.Settings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closing a session releases everything it holds, even when one resource fails to close. */
class SessionCloseTest {

    @Test
    void aResourceThatFailsToCloseDoesNotKeepTheOthersOpen() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Session session = new Session(Settings.defaults(), Inventory.localOnly(),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        AtomicBoolean laterClosed = new AtomicBoolean();
        session.transport("echo");
        session.closeOnExit(() -> {
            throw new IllegalStateException("port already released");
        });
        session.closeOnExit(() -> laterClosed.set(true));
        session.close();
        assertTrue(laterClosed.get());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("port already released"));
    }

    @Test
    void aTransportThatThrowsOnCloseDoesNotKeepTheResourcesOpen() {
        Session session = new Session(Settings.defaults(), Inventory.localOnly(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        AtomicBoolean resourceClosed = new AtomicBoolean();
        session.transport("failing-close");
        session.closeOnExit(() -> resourceClosed.set(true));
        session.close();
        assertTrue(resourceClosed.get());
    }
}

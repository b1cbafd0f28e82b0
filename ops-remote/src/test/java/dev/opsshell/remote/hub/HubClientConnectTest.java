package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connecting to a hub gives up cleanly when the caller is interrupted (Ctrl-C). */
class HubClientConnectTest {
    @TempDir
    Path dir;

    @Test
    void anInterruptedConnectFailsAtOnceAndKeepsTheInterruptForTheCaller() {
        String nobody = "tcp://127.0.0.1:25811";
        String hubKey = CurveKeys.generate().publicKey();
        Thread caller = Thread.currentThread();
        Thread ctrlC = new Thread(() -> {
            try {
                // while connect waits for the hub's welcome (which never comes: nobody listens)
                Await.until(Duration.ofSeconds(30), "connect to wait for the welcome",
                        () -> caller.getState() == Thread.State.TIMED_WAITING || caller.getState() == Thread.State.WAITING);
            } catch (AssertionError e) {
                return; // the test ended first: nothing to interrupt
            }
            caller.interrupt();
        });
        ctrlC.start();
        try {
            HubException e = assertThrows(HubException.class, () -> HubClient.connect(nobody, hubKey, dir));
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the caller must still see its interrupt");
        } finally {
            ctrlC.interrupt();
            Thread.interrupted();
        }
    }
}

package dev.opsshell.remote.local;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Settings;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A local command cut short (timeout, Ctrl-C) keeps the output it printed before: partial failure is data. */
class LocalTransportIT {
    private final LocalTransport local = new LocalTransport(new Session(Settings.defaults(), Inventory.localOnly(), System.out));

    private static Command command(String line, Duration timeout) {
        return new Command(line, false, timeout, 1 << 20, Map.of());
    }

    @Test
    void aTimedOutCommandKeepsWhatItPrintedBeforeItWasKilled() {
        Result r = local.exec(Host.of("localhost"), command("echo before; echo oops >&2; sleep 30",
                Duration.ofSeconds(1)), OutputSink.NONE);
        assertEquals(Outcome.TIMED_OUT, r.outcome(), r::toString);
        assertEquals("before\n", r.stdout(), r::toString);
        assertEquals("oops\n", r.stderr(), r::toString);
    }

    @Test
    void aCancelledCommandKeepsWhatItPrintedBeforeItWasKilled() throws Exception {
        AtomicReference<Result> out = new AtomicReference<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread shell = new Thread(() -> out.set(local.exec(Host.of("localhost"),
                command("echo started; sleep 30", Duration.ofSeconds(60)), (h, stderr, line) -> lines.add(line))));
        shell.start();
        Await.until(Duration.ofSeconds(20), "the command to print 'started'", () -> lines.contains("started"));
        shell.interrupt();
        shell.join(10_000);
        assertFalse(shell.isAlive());
        assertEquals(Outcome.CANCELLED, out.get().outcome(), out.get()::toString);
        assertTrue(out.get().stdout().contains("started"), out.get()::toString);
    }
}

package dev.opsshell.core;

import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.transport.Settings;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Settings changes from several threads (a script and a scheduled job, say) are all kept. */
class SessionSettingsTest {

    @Test
    void concurrentUpdatesAreAppliedOneAfterAnotherAndNoneIsLost() throws Exception {
        Session session = new Session(Settings.defaults().withForks(1), Inventory.localOnly(),
                new PrintStream(OutputStream.nullOutputStream()));
        int threads = 8;
        int each = 2_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) session.update(s -> s.withForks(s.forks() + 1));
            });
            w.start();
            workers.add(w);
        }
        go.countDown();
        for (Thread w : workers) w.join();
        assertEquals(1 + threads * each, session.settings().forks());
    }
}

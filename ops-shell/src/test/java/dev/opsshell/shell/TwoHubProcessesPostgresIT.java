package dev.opsshell.shell;

import dev.opsshell.core.testing.Await;
import dev.opsshell.core.testing.PostgresLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Two real {@code ops hub} processes on one PostgreSQL store (the lab), both reading the schedules
 * every 50 ms: each due run is started by one of them only. The scheduled command holds a lock
 * directory for the half second it runs; a second start of the same run, by the other hub, would
 * find it taken and write DOUBLE. (That each due time is claimed once is checked exactly, claim by
 * claim, in ops-core's TwoHubsPostgresIT; here it is real processes on real PostgreSQL.)
 */
class TwoHubProcessesPostgresIT {
    @TempDir
    Path home;

    @Test
    void twoHubsOnOneStoreNeverStartTheSameRunTwice() throws Exception {
        String url = PostgresLab.freshDatabase(TwoHubProcessesPostgresIT.class);
        Map<String, String> env = Map.of("OPS_STORE", url, "OPS_SCHEDULE_POLL_MS", "50");
        Path marks = home.resolve("marks");
        Path lock = home.resolve("lock");
        // the lock is held while the run goes on, so a second start of the same due time overlaps it and
        // finds it. The next due time cannot: a hub claims it only once the run has ended and freed its
        // lease, by which time the lock is gone. (A lock left for a background child to remove half a
        // second after the run ended was still there when a late-started run was followed by the next
        // due time on time: DOUBLE without a double start.)
        String command = "if mkdir " + lock + " 2>/dev/null; then echo run >> " + marks + "; sleep 0.5; rmdir " + lock
                + "; else echo DOUBLE >> " + marks + "; fi";
        try (HubProcesses hubs = new HubProcesses(home, env)) {
            hubs.start();
            hubs.start();
            OpsProcess.Run add = OpsProcess.run(home, null, env, "schedule", "add", "once", "--every", "1s", "command",
                    "localhost", command);
            assertEquals(0, add.code(), add.toString());
            Await.until(Duration.ofSeconds(120), "8 runs\n" + hubs.logs(), () -> lines(marks).size() >= 8);
            assertEquals(0, OpsProcess.run(home, null, env, "schedule", "stop", "once").code());
            List<String> seen = lines(marks);
            assertFalse(seen.contains("DOUBLE"), "a run was started twice: " + seen + "\n" + hubs.logs());
            assertFalse(String.join("\n", hubs.logs()).contains(url.substring(url.indexOf("password=") + 9)),
                    "a hub printed the store's password");
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}

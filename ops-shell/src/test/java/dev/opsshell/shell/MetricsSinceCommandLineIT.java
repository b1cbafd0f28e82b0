package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ops metrics --since/--until} read a time as {@code ops history} does: an age (2h), a date
 * or an instant. Found walking the command line: {@code ops metrics cpu --since 1h} was refused,
 * only an ISO instant was taken, while {@code ops history --since 1h} worked.
 */
class MetricsSinceCommandLineIT {
    @TempDir
    Path home;

    @Test
    void sinceAndUntilTakeAnAgeOrADateAsOpsHistoryDoes() throws Exception {
        Map<String, String> env = Map.of("OPS_STORE", home.resolve("ops.db").toString());
        OpsProcess.Run sampled = OpsProcess.run(home, null, env, "-e", "sample(localhost(), load())");
        assertEquals(0, sampled.code(), sampled::toString);

        OpsProcess.Run age = OpsProcess.run(home, null, env, "metrics", "load", "--since", "2h", "--csv");
        assertEquals(0, age.code(), age::toString);
        assertTrue(age.out().lines().anyMatch(l -> l.startsWith("localhost,load,1m,")), age::toString);

        OpsProcess.Run until = OpsProcess.run(home, null, env, "metrics", "load", "--since", "2d", "--until", "1h", "--csv");
        assertEquals(0, until.code(), until::toString);
        assertEquals("host,metric,field,label,value,at", until.out().strip(), until::toString);

        String yesterday = LocalDate.now().minusDays(1).toString();
        OpsProcess.Run date = OpsProcess.run(home, null, env, "metrics", "load", "--since", yesterday, "--csv");
        assertEquals(0, date.code(), date::toString);
        assertTrue(date.out().lines().anyMatch(l -> l.startsWith("localhost,load,1m,")), date::toString);

        OpsProcess.Run bad = OpsProcess.run(home, null, env, "metrics", "load", "--since", "yesterday");
        assertEquals(2, bad.code(), bad::toString);
        assertTrue(bad.err().contains("--since yesterday: write an age (30m, 2h, 7d, 2w), a date (2026-12-01) or an instant"), bad::toString);
    }
}

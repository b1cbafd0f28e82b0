package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ops schedule add}'s mistakes are answered in the command line's words. Found walking: an
 * unquoted --cron (the shell passes only its first field) was told as "contains 1 parts", a zero
 * --every as "got PT0S; e.g. every(Duration.ofMinutes(5), …)", which bash cannot run.
 */
class ScheduleAddMistakesCommandLineIT {
    @TempDir
    Path home;

    @Test
    void anUnquotedCronAZeroPeriodAndABadFieldSayWhatToTypeHere() throws Exception {
        Map<String, String> env = Map.of("OPS_STORE", home.resolve("ops.db").toString());
        OpsProcess.Run unquoted = OpsProcess.run(home, null, env, "schedule", "add", "x", "--cron", "*/5", "command", "all", "true");
        assertEquals(2, unquoted.code(), unquoted::toString);
        assertTrue(unquoted.err().contains("--cron */5: give all five fields as one argument, quoted: --cron '*/5 * * * *'"), unquoted::toString);

        OpsProcess.Run range = OpsProcess.run(home, null, env, "schedule", "add", "x", "--cron", "*/61 * * * *", "command", "all", "true");
        assertEquals(2, range.code(), range::toString);
        assertTrue(range.err().contains("--cron '*/61 * * * *' is not a cron expression") && range.err().contains("for seconds use --every 30s"),
                range::toString);
        assertFalse(range.err().contains("Duration.of"), range::toString);

        OpsProcess.Run zero = OpsProcess.run(home, null, env, "schedule", "add", "x", "--every", "0s", "command", "all", "true");
        assertEquals(2, zero.code(), zero::toString);
        assertTrue(zero.err().contains("--every 0s: give a period longer than zero: 30s, 5m, 2h"), zero::toString);
        assertFalse(zero.err().contains("PT0S"), zero::toString);

        assertEquals("[]", OpsProcess.run(home, null, env, "schedule", "list", "--json").out().strip(), "nothing was added");
    }
}

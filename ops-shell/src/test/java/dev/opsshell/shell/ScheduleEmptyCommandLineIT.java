package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ops schedule list} on an empty store says how to add a schedule on the command line, and
 * the command it gives works. It gave the shell's every(Duration.ofMinutes(5), …), which a shell
 * prompt (bash) cannot run.
 */
class ScheduleEmptyCommandLineIT {
    @TempDir
    Path home;

    @Test
    void anEmptyListGivesACommandLineThatAddsOne() throws Exception {
        Map<String, String> env = Map.of("OPS_STORE", home.resolve("ops.db").toString());
        OpsProcess.Run empty = OpsProcess.run(home, null, env, "schedule", "list");
        assertEquals(0, empty.code(), empty::toString);
        assertFalse(empty.out().contains("every(Duration"), empty::toString);
        String given = empty.out().strip();
        int at = given.indexOf("ops schedule add ");
        assertTrue(at >= 0, empty::toString);

        List<String> args = new ArrayList<>(); // the words after 'ops', as a shell splits them
        java.util.regex.Matcher w = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(given.substring(at + "ops ".length()));
        while (w.find()) args.add(w.group(1) != null ? w.group(1) : w.group(2));
        OpsProcess.Run added = OpsProcess.run(home, null, env, args.toArray(String[]::new));
        assertEquals(0, added.code(), added::toString);
        OpsProcess.Run listed = OpsProcess.run(home, null, env, "schedule", "list");
        assertTrue(listed.out().lines().anyMatch(l -> l.startsWith("disk ") && l.contains("every 5m") && l.contains("df -h")), listed::toString);
    }
}

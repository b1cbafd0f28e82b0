package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * help() in a real terminal fits its width: found at 80 columns, where the usage column (72 wide,
 * for every(…)'s example) left each description to wrap at the terminal's edge and start again at
 * column 0. tmux's screen is read with wrapped lines joined, so a line past the edge shows as longer.
 */
class HelpTerminalIT {
    private static final long START = 60; // seconds; a cold JVM on a busy 2-core machine
    private static final int COLUMNS = 120; // Tmux.start's width

    @TempDir
    Path home;

    @Test
    void helpWrapsItsDescriptionsToTheTerminalsWidth() throws Exception {
        try (Tmux t = Tmux.start(home, "OPS_STORE=" + home.resolve("ops.db") + " " + OpsProcess.LAUNCHER + "; echo \"exit $?\"; read wait")) {
            t.await("ops> ", START);
            t.type("help()");
            t.press("Enter");
            String s = t.await("r.hosts()", 60);
            List<String> tooLong = s.lines().filter(l -> l.length() > COLUMNS).toList();
            assertEquals(List.of(), tooLong, s);
            assertTrue(s.contains("  history().get(42)"), s);
            t.type("/exit");
            t.press("Enter");
            t.await("exit 0", 60);
        }
    }
}

package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** An operation written as a lambda echoes as its source text at the prompt of a real terminal (tmux). */
class TerminalLambdaEchoIT {
    private static final long START = 60; // seconds; a cold JVM on a busy 2-core machine
    private static final String PROMPT = "ops> ";

    @TempDir
    Path home;

    @Test
    void anOperationWrittenAsALambdaEchoesAsItsSourceText() throws Exception {
        try (Tmux t = Tmux.start(home, OpsProcess.LAUNCHER.toString())) {
            t.await(PROMPT, START);
            t.type("Operation up = h -> h.exec(\"uptime\");");
            t.press("Enter");
            t.await("up ==> Operation: h -> h.exec(\"uptime\")\n", 30);
            t.type("up");
            t.press("Enter");
            t.await("\nOperation: h -> h.exec(\"uptime\")\n", 15);
            t.type("Operation restart(String unit) { return h -> h.sudo(\"systemctl restart \" + unit); }");
            t.press("Enter");
            t.await("created method restart(String)", 15);
            t.type("restart(\"nginx\")");
            t.press("Enter");
            String s = t.await("\nOperation: h -> h.sudo(\"systemctl restart \" + unit)  capturing \"nginx\"\n", 15);
            assertFalse(s.contains("$$Lambda"), s);
        }
    }
}

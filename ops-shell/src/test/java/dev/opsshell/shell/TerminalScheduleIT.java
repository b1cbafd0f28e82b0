package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Schedules and notices in a real terminal (tmux): a schedule's failing runs are told by a notice
 * printed above the line being typed, and the prompt goes on; schedules() shows it; Tab completes
 * schedule and metric names inside their strings.
 */
class TerminalScheduleIT {
    private static final long START = 60; // seconds; a cold JVM on a busy 2-core machine
    private static final String PROMPT = "ops> ";

    @TempDir
    Path home;

    @Test
    void aFailingSchedulesNoticeIsPrintedAboveThePromptAndTheShellGoesOn() throws Exception {
        Files.createDirectories(home.resolve(".ops"));
        Files.writeString(home.resolve(".ops/config"), "notify.log=on\nnotify.desktop=off\n");
        try (Tmux t = Tmux.start(home, "env OPS_HUB_PORT=0 " + OpsProcess.LAUNCHER)) {
            t.await(PROMPT, START);
            t.type("every(Duration.ofSeconds(1), \"probe\", () -> localhost().exec(\"exit 3\"))");
            t.press("Enter");
            t.await("notice: [schedule] schedule probe failed: 1 of 1 hosts (localhost: exit 3)", 60);
            t.type("schedules()");
            t.press("Enter");
            t.await("the schedules table", 30, screen -> screen.contains("probe  every 1s  session")
                    && screen.contains("failed: 1 of 1 hosts (localhost: exit 3)"));
            t.type("stopSchedule(\"pr");
            t.press("Tab"); // the schedule's name, from this shell's schedules
            t.await(PROMPT + "stopSchedule(\"probe", 15);
            t.type("\")");
            t.press("Enter");
            t.await("no schedules: every(", 30);
            t.type("metrics(\"ent");
            t.press("Tab"); // a metric's name
            t.await(PROMPT + "metrics(\"entropy", 15);
        }
    }
}

package dev.opsshell.shell;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExecCommandTest {
    @Test
    void withoutForksExecReachesEveryHostAtOnceUpTo256() {
        assertEquals(200, ExecCommand.defaultForks(200, 64));
        assertEquals(256, ExecCommand.defaultForks(5000, 64));
    }

    @Test
    void fewHostsKeepTheSessionsForks() {
        assertEquals(64, ExecCommand.defaultForks(10, 64));
        assertEquals(300, ExecCommand.defaultForks(1000, 300));
    }
}

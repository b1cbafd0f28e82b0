package dev.opsshell.shell.terminal;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.run.Progress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressLineTest {

    @Test
    void aShortRunDrawsNothing() {
        StringWriter w = new StringWriter();
        Progress p = ProgressLine.on(new PrintWriter(w), () -> false).start("uptime", 3);
        p.done(Result.exited(Host.of("a"), 0, "", "", false, Instant.now(), "local"));
        p.finish();
        assertEquals("", w.toString());
    }

    @Test
    void aLongRunDrawsCountsAndFailuresThenClearsTheLine() throws InterruptedException {
        StringWriter w = new StringWriter();
        Progress p = ProgressLine.on(new PrintWriter(w), () -> false).start("uptime", 3);
        p.done(Result.exited(Host.of("a"), 0, "", "", false, Instant.now(), "local"));
        p.done(Result.problem(Host.of("b"), Outcome.UNREACHABLE, "no route", Instant.now(), "ssh"));
        Thread.sleep(ProgressLine.QUIET_MILLIS + 3 * ProgressLine.TICK_MILLIS);
        p.finish();
        String s = w.toString();
        assertTrue(s.contains("\ruptime  2/3 · 1 failed · "), s);
        assertTrue(s.endsWith("\r\033[K"), s);
        int draws = s.split("\r", -1).length - 2;
        assertTrue(draws >= 1 && draws <= 6, "redrawn at most ten times a second: " + draws);
    }

    @Test
    void nothingIsDrawnWhileOutputStreamsLive() {
        assertSame(Progress.NONE, ProgressLine.on(new PrintWriter(new StringWriter()), () -> true).start("x", 1));
    }
}

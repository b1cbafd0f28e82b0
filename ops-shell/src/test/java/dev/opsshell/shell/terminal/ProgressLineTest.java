package dev.opsshell.shell.terminal;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.run.Progress;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
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
        Await.until(Duration.ofSeconds(30), "the progress line to be drawn", () -> w.toString().contains("\ruptime  2/3 · 1 failed · "));
        p.finish();
        assertTrue(w.toString().endsWith("\r\033[K"), w::toString);
    }

    @Test
    void aBatchOfJobsDrawsItsCountAndTheStepOfTheJobThatMovedLast() {
        StringWriter w = new StringWriter();
        Progress p = ProgressLine.on(new PrintWriter(w), () -> false).start("create", 2);
        p.ended(false);
        p.doing("web-2: waiting for an address");
        Await.until(Duration.ofSeconds(30), "the progress line to be drawn",
                () -> w.toString().contains("\rcreate  1/2 · 1 failed · web-2: waiting for an address · "));
        p.finish();
        assertTrue(w.toString().endsWith("\r\033[K"), w::toString);
    }

    @Test
    void aPromptErasesTheLineAndNothingIsDrawnUntilItIsAnswered() {
        StringWriter w = new StringWriter();
        ProgressLines lines = new ProgressLines(new PrintWriter(w));
        ProgressLine p = (ProgressLine) lines.factory(() -> false).start("uptime", 3);
        p.draw();
        assertTrue(w.toString().startsWith("\ruptime  0/3 · "), w.toString());
        String during = lines.whilePrompting(() -> {
            String erased = w.toString();
            p.draw(); // as the ticker would
            assertEquals(erased, w.toString(), "nothing is drawn while the prompt is open");
            return erased;
        });
        assertTrue(during.endsWith("\r\033[K"), "the line is erased before the prompt shows: " + during);
        p.draw();
        assertTrue(w.toString().substring(during.length()).startsWith("\ruptime  0/3 · "), "drawn again after the answer: " + w);
        p.finish();
        assertTrue(w.toString().endsWith("\r\033[K"), w.toString());
    }

    @Test
    void nothingIsDrawnWhileOutputStreamsLive() {
        assertSame(Progress.NONE, ProgressLine.on(new PrintWriter(new StringWriter()), () -> true).start("x", 1));
    }
}

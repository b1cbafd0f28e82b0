package dev.opsshell.core.result;

import dev.opsshell.core.host.Host;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a result shows for a host depends on how it ended. */
class ResultSummaryTest {
    private static Result result(Outcome outcome, int exit, String out, String err, String message) {
        return new Result(Host.of("web01"), outcome, exit, out, err, false, Instant.EPOCH, Duration.ZERO, "test", message);
    }

    @Test
    void aNonZeroExitShowsStdoutAndThenStderrBecauseTheReasonMayBeInEither() {
        assertEquals("partial output\nfatal: disk full\n",
                result(Outcome.FAILED, 3, "partial output\n", "fatal: disk full\n", "").summary());
    }

    @Test
    void aSuccessShowsStdoutAndNotItsWarnings() {
        assertEquals("42\n", result(Outcome.OK, 0, "42\n", "warning: deprecated\n", "").summary());
    }

    @Test
    void anyOutcomeWithEmptyStdoutShowsStderr() {
        assertEquals("only here\n", result(Outcome.OK, 0, "", "only here\n", "").summary());
        assertEquals("no such file\n", result(Outcome.FAILED, 2, "", "no such file\n", "").summary());
    }

    @Test
    void aHostThatWasNotReachedShowsTheMessage() {
        assertEquals("connection refused", result(Outcome.UNREACHABLE, -1, "", "", "connection refused").summary());
    }
}

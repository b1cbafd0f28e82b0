package dev.opsshell.shell;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.inventory.InventoryException;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExitCodesTest {

    private static Results of(Result... rs) {
        return new Results("t", Hosts.of("t", List.of()), List.of(rs), Duration.ZERO);
    }

    private static Result exited(String host, int code) {
        return Result.exited(Host.of(host), code, "", "", false, Instant.now(), "local");
    }

    private static Result problem(String host, Outcome o) {
        return Result.problem(Host.of(host), o, "why", Instant.now(), "ssh");
    }

    @Test
    void allOkIsZeroNonZeroExitsAreFiveAndConnectionProblemsWinWithFour() {
        assertEquals(0, of(exited("a", 0), exited("b", 0)).exitCode());
        assertEquals(5, of(exited("a", 0), exited("b", 3)).exitCode());
        assertEquals(4, of(exited("a", 3), problem("b", Outcome.UNREACHABLE)).exitCode());
        assertEquals(4, of(problem("a", Outcome.AUTH_FAILED)).exitCode());
        assertEquals(4, of(problem("a", Outcome.HOST_KEY_REJECTED)).exitCode());
        assertEquals(4, of(problem("a", Outcome.TIMED_OUT)).exitCode());
    }

    @Test
    void anInventoryErrorEndsAScriptWithTwoAndAnythingElseWithOne() {
        assertEquals(2, ExitCodes.forError(new InventoryException("no group 'x'")));
        assertEquals(2, ExitCodes.forError(new RuntimeException("wrapped", new InventoryException("bad"))));
        assertEquals(1, ExitCodes.forError(new IllegalStateException("boom")));
    }

    @Test
    void fourWinsOverFiveAndBothWinOverZero() {
        assertEquals(4, ExitCodes.worse(5, 4));
        assertEquals(4, ExitCodes.worse(4, 0));
        assertEquals(5, ExitCodes.worse(0, 5));
        assertEquals(0, ExitCodes.worse(0, 0));
    }
}

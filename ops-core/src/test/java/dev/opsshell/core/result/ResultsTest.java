package dev.opsshell.core.result;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.opsshell.core.result.TestResults.exit;
import static dev.opsshell.core.result.TestResults.ok;
import static dev.opsshell.core.result.TestResults.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Results group by outcome and exit code, and give the process exit code. */
class ResultsTest {
    private final Results mixed = TestResults.of(ok("web01", "up"), exit("web02", 2, "no"), ok("web03", "up"),
            exit("web04", 1, "bad"), problem("web05", Outcome.UNREACHABLE, "refused"), exit("web06", 2, "no"));

    private static List<String> names(List<Result> rs) {
        return rs.stream().map(r -> r.host().name()).toList();
    }

    @Test
    void byExitGroupsEveryResultByItsExitCodeInOrder() {
        Map<Integer, List<Result>> by = mixed.byExit();
        assertEquals(List.of(-1, 0, 1, 2), List.copyOf(by.keySet()));
        assertEquals(List.of("web02", "web06"), names(by.get(2)));
        assertEquals(List.of("web05"), names(by.get(-1)));
    }

    @Test
    void failureGroupsOnlyTheFailuresByExitCode() {
        Map<Integer, List<Result>> failure = mixed.failure();
        assertEquals(List.of(-1, 1, 2), List.copyOf(failure.keySet()));
        assertFalse(failure.containsKey(0));
    }

    @Test
    void byOutcomeGroupsInOutcomeOrder() {
        Map<Outcome, List<Result>> by = mixed.byOutcome();
        assertEquals(List.of(Outcome.OK, Outcome.FAILED, Outcome.UNREACHABLE), List.copyOf(by.keySet()));
        assertEquals(List.of("web02", "web04", "web06"), names(by.get(Outcome.FAILED)));
    }

    @Test
    void successfulAndFailedSplitTheResults() {
        assertEquals(List.of("web01", "web03"), names(mixed.successful().list()));
        assertEquals(4, mixed.failed().size());
        assertFalse(mixed.allOk());
        assertTrue(mixed.successful().allOk());
    }

    @Test
    void exitCodeIsZeroWhenAllAreOk() {
        assertEquals(0, TestResults.of(ok("a", ""), ok("b", "")).exitCode());
    }

    @Test
    void exitCodeIsFiveForNonZeroExitsOnly() {
        assertEquals(5, TestResults.of(ok("a", ""), exit("b", 3, "")).exitCode());
    }

    @Test
    void exitCodeIsFourForConnectionProblemsAndWinsOverFive() {
        assertEquals(4, TestResults.of(ok("a", ""), problem("b", Outcome.TIMED_OUT, "slow")).exitCode());
        assertEquals(4, mixed.exitCode());
        for (Outcome o : List.of(Outcome.AUTH_FAILED, Outcome.HOST_KEY_REJECTED, Outcome.ERROR, Outcome.CANCELLED)) {
            assertEquals(4, TestResults.of(problem("x", o, "why")).exitCode(), o.name());
        }
    }

    @Test
    void pickNarrowsTheHostsAndKeepsTheirOrder() {
        assertEquals(List.of("web01", "web03"), mixed.pick(Result::ok).names());
        assertEquals(List.of("web02", "web06"), mixed.pick(r -> r.exitCode() == 2).names());
    }

    @Test
    void getFindsOneHostsResult() {
        assertEquals("bad", mixed.get("web04").stderr());
    }
}

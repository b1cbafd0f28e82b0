package dev.opsshell.core.schedule;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunOutcomeTest {
    private static Results run(List<Result> results) {
        return new Results("exec check", Hosts.of("web", results.stream().map(Result::host).toList()), results, Duration.ofMillis(3));
    }

    @Test
    void aFailedRunNamesItsFirstFailedHostsAndWhatEachSaidNotOpsExitCode() {
        Instant t = Instant.now();
        List<Result> results = new ArrayList<>();
        results.add(Result.exited(Host.of("web1"), 0, "", "", false, t, "ssh"));
        results.add(Result.exited(Host.of("web2"), 3, "", "inactive", false, t, "ssh"));
        results.add(Result.problem(Host.of("web3"), Outcome.UNREACHABLE, "connection refused", t, "ssh"));
        RunOutcome o = RunOutcome.of(run(results));
        assertFalse(o.ok());
        assertEquals("failed: 2 of 3 hosts (web2: exit 3, web3: " + Outcome.UNREACHABLE.label() + ")", o.text());
    }

    @Test
    void manyFailedHostsShowTheFirstThreeAndHowManyMore() {
        Instant t = Instant.now();
        List<Result> results = new ArrayList<>();
        for (int i = 1; i <= 5; i++) results.add(Result.exited(Host.of("web" + i), i, "", "", false, t, "ssh"));
        assertEquals("failed: 5 of 5 hosts (web1: exit 1, web2: exit 2, web3: exit 3, +2 more)", RunOutcome.of(run(results)).text());
    }

    @Test
    void anAllOkRunIsOk() {
        Result ok = Result.exited(Host.of("web1"), 0, "", "", false, Instant.now(), "ssh");
        assertTrue(RunOutcome.of(run(List.of(ok))).ok());
        assertEquals("failed: exit 2", RunOutcome.of(2).text());
    }
}

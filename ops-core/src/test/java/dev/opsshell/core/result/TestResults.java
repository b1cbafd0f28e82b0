package dev.opsshell.core.result;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Results built by hand for the formatting and grouping tests. */
final class TestResults {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private TestResults() {
    }

    static Result ok(String host, String stdout) {
        return new Result(Host.of(host), Outcome.OK, 0, stdout, "", false, T0, Duration.ofMillis(12), "test", "");
    }

    static Result exit(String host, int code, String stderr) {
        return new Result(Host.of(host), Outcome.FAILED, code, "", stderr, false, T0, Duration.ofMillis(15), "test", "");
    }

    static Result problem(String host, Outcome outcome, String message) {
        return new Result(Host.of(host), outcome, -1, "", "", false, T0, Duration.ofMillis(3), "test", message);
    }

    static Results of(Result... results) {
        List<Host> hosts = java.util.Arrays.stream(results).map(Result::host).toList();
        return new Results("uptime", Hosts.of("web", hosts), List.of(results), Duration.ofMillis(1500));
    }
}

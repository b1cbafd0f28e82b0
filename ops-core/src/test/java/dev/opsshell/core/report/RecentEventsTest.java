package dev.opsshell.core.report;

import dev.opsshell.core.events.Events;
import dev.opsshell.core.events.RunFinished;
import dev.opsshell.core.events.SamplesTaken;
import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecentEventsTest {
    static final Instant T = Instant.now();

    static RunFinished run(String title, Outcome... outcomes) {
        List<Host> hosts = new java.util.ArrayList<>();
        List<Result> results = new java.util.ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            Host h = Host.of("web" + i);
            hosts.add(h);
            results.add(outcomes[i] == Outcome.OK || outcomes[i] == Outcome.FAILED
                    ? Result.exited(h, outcomes[i] == Outcome.OK ? 0 : 1, "", "", false, T, "ssh")
                    : Result.problem(h, outcomes[i], "no route", T, "ssh"));
        }
        return new RunFinished(new Results(title, Hosts.of("web", hosts), results, Duration.ofMillis(1500)),
                RunSource.script("deploy.jsh"), T);
    }

    @Test
    void aFinishedRunBecomesASummaryWithItsOutcomeCountsNewestFirst() throws Exception {
        Events events = new Events();
        try (RecentEvents recent = new RecentEvents(events, 10, 100, Duration.ofHours(1))) {
            events.publish(run("exec true", Outcome.OK, Outcome.OK));
            events.publish(run("exec uptime", Outcome.OK, Outcome.UNREACHABLE, Outcome.FAILED));
            List<RunSummary> runs = recent.runs(T.minusSeconds(60), T.plusSeconds(60), 10);
            assertEquals(2, runs.size());
            RunSummary newest = runs.get(0);
            assertEquals("exec uptime", newest.operation());
            assertEquals("web", newest.target());
            assertEquals(Map.of(Outcome.OK, 1, Outcome.UNREACHABLE, 1, Outcome.FAILED, 1), newest.outcomes());
            assertEquals(1, newest.ok());
            assertEquals(2, newest.failed());
            assertEquals(4, newest.exitCode());
            assertEquals(Duration.ofMillis(1500), newest.duration());
            assertEquals(T.minusMillis(1500), newest.started());
            assertEquals(RunSource.script("deploy.jsh"), newest.source());
            assertEquals("2", newest.id());
        }
    }

    @Test
    void itKeepsAtMostItsBoundsAndStopsListeningWhenClosed() throws Exception {
        Events events = new Events();
        RecentEvents recent = new RecentEvents(events, 2, 3, Duration.ofHours(1));
        for (int i = 0; i < 5; i++) events.publish(run("exec " + i, Outcome.OK));
        events.publish(new SamplesTaken(List.of(
                new Sample("web1", "load", "1m", "", 1, T.minusSeconds(7200)),
                new Sample("web1", "load", "1m", "", 2, T.minusSeconds(3)),
                new Sample("web1", "load", "1m", "", 3, T.minusSeconds(2)),
                new Sample("web1", "load", "1m", "", 4, T.minusSeconds(1)),
                new Sample("web2", "load", "1m", "", 5, T))));
        assertEquals(List.of("exec 4", "exec 3"), recent.runs(T.minusSeconds(60), T, 10).stream().map(RunSummary::operation).toList());
        assertEquals(List.of(3.0, 4.0, 5.0), recent.between(T.minusSeconds(9000), T).stream().map(Sample::value).toList());
        assertEquals(List.of(4.0, 5.0), recent.latest().stream().map(Sample::value).toList(), "the newest per host and series");
        recent.close();
        events.publish(run("exec after", Outcome.OK));
        assertEquals("exec 4", recent.runs(T.minusSeconds(60), T, 10).get(0).operation());
    }
}

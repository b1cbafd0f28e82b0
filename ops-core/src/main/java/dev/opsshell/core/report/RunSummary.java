package dev.opsshell.core.report;

import dev.opsshell.core.events.RunFinished;
import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run as the report shows it: when, what, on which hosts, from where, how many hosts ended in
 * each {@link Outcome}, the exit code and how long it took. No output and no command text beyond
 * the operation's title: the report is meant to be shared.
 *
 * @param id        the run's id in history (or a sequence number for runs kept in memory)
 * @param started   when it started
 * @param operation the operation's title ({@code exec uptime})
 * @param target    the hosts' name or pattern ({@code web:&prod})
 * @param source    where it was started from
 * @param outcomes  how many hosts ended in each outcome (absent = none)
 * @param exitCode  the run's exit code (0, 4 or 5)
 * @param duration  how long the run took
 */
public record RunSummary(String id, Instant started, String operation, String target, RunSource source,
                         Map<Outcome, Integer> outcomes, int exitCode, Duration duration) {
    public RunSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(started, "started");
        operation = operation == null ? "" : operation;
        target = target == null ? "" : target;
        source = source == null ? RunSource.UNKNOWN : source;
        EnumMap<Outcome, Integer> copy = new EnumMap<>(Outcome.class);
        if (outcomes != null) outcomes.forEach((o, n) -> { if (n != null && n > 0) copy.put(o, n); });
        outcomes = Collections.unmodifiableMap(copy);
        duration = duration == null ? Duration.ZERO : duration;
    }

    /** A finished run as published by {@code Session.record}, under {@code id}. */
    public static RunSummary of(String id, RunFinished run) {
        Results results = run.results();
        EnumMap<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Result r : results) counts.merge(r.outcome(), 1, Integer::sum);
        Duration wall = results.wall() == null ? Duration.ZERO : results.wall();
        return new RunSummary(id, run.finished().minus(wall), results.title(), results.hosts().name(), run.source(),
                counts, results.exitCode(), wall);
    }

    /** Hosts that ended OK. */
    public int ok() {
        return outcomes.getOrDefault(Outcome.OK, 0);
    }

    /** Hosts that ended any other way. */
    public int failed() {
        return outcomes.entrySet().stream().filter(e -> e.getKey() != Outcome.OK).mapToInt(Map.Entry::getValue).sum();
    }
}

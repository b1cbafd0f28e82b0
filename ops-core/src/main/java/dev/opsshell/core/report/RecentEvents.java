package dev.opsshell.core.report;

import dev.opsshell.core.events.Events;
import dev.opsshell.core.events.RunFinished;
import dev.opsshell.core.events.SamplesTaken;
import dev.opsshell.core.metrics.Sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ReportFeed} of what one session saw since it subscribed: the runs it recorded and the
 * samples it took, kept in memory and bounded (the last {@code maxRuns} runs, samples of the last
 * {@code keep} up to {@code maxSamples}). A shell's report before (or without) a store. Thread-safe.
 */
public final class RecentEvents implements ReportFeed, AutoCloseable {
    private final Deque<RunSummary> runs = new ArrayDeque<>();
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final int maxRuns;
    private final int maxSamples;
    private final Duration keep;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    public RecentEvents(Events events, int maxRuns, int maxSamples, Duration keep) {
        this.maxRuns = maxRuns;
        this.maxSamples = maxSamples;
        this.keep = keep;
        subscriptions.add(events.subscribe(RunFinished.class, this::add));
        subscriptions.add(events.subscribe(SamplesTaken.class, taken -> add(taken.samples())));
    }

    /** A session's usual bounds: 500 runs, 200 000 samples of the last 24 hours. */
    public static RecentEvents of(Events events) {
        return new RecentEvents(events, 500, 200_000, Duration.ofHours(24));
    }

    private synchronized void add(RunFinished run) {
        runs.addFirst(RunSummary.of(Long.toString(ids.incrementAndGet()), run));
        while (runs.size() > maxRuns) runs.removeLast();
    }

    private synchronized void add(List<Sample> taken) {
        samples.addAll(taken);
        Instant oldest = Instant.now().minus(keep);
        while (!samples.isEmpty() && (samples.size() > maxSamples || samples.peekFirst().at().isBefore(oldest))) {
            samples.removeFirst();
        }
    }

    @Override
    public synchronized List<Sample> latest() {
        return NewestSamples.of(samples);
    }

    @Override
    public synchronized List<Sample> between(Instant from, Instant to) {
        return samples.stream().filter(s -> !s.at().isBefore(from) && !s.at().isAfter(to)).toList();
    }

    @Override
    public synchronized List<RunSummary> runs(Instant from, Instant to, int limit) {
        return runs.stream().filter(r -> !r.started().isBefore(from) && !r.started().isAfter(to)).limit(limit).toList();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable s : subscriptions) s.close();
    }
}

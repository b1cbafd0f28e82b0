package dev.opsshell.core.schedule;

import dev.opsshell.core.events.Events;
import dev.opsshell.core.history.RunSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The schedules of one session, whose actions are lambdas and so live only as long as it. One
 * timer thread decides when each is due; runs go to threads of their own, so a long run never
 * delays another schedule. A schedule whose previous run is still going is not started again: that
 * time is skipped and counted. A run that throws is a failed outcome; the schedule goes on. Each run
 * has {@link RunSource#schedule} as its source, so history records it as from that schedule.
 */
public final class Scheduler implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("ops-schedule-timer"));
    private final ExecutorService runs = Executors.newCachedThreadPool(daemon("ops-schedule-run"));
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Events events;

    /** @param events where each run's {@link ScheduleFinished} is published (notifications listen there) */
    public Scheduler(Events events) {
        this.events = events;
    }

    /** Starts {@code work} on {@code when}; a schedule of that name already here is stopped and replaced. */
    public ScheduleState add(String name, When when, String action, ScheduledWork work) {
        ScheduleNames.check(name);
        Entry fresh = new Entry(name, when, action, work);
        Entry old = entries.put(name, fresh);
        if (old != null) old.stop();
        fresh.arm(Instant.now());
        return fresh.state();
    }

    /** Stops one; a run going on finishes. False when there was none of that name. */
    public boolean stop(String name) {
        Entry e = entries.remove(name);
        if (e == null) return false;
        e.stop();
        return true;
    }

    /** Stops all; returns how many there were. */
    public int stopAll() {
        int n = 0;
        for (String name : List.copyOf(entries.keySet())) if (stop(name)) n++;
        return n;
    }

    public List<ScheduleState> list() {
        List<ScheduleState> out = new ArrayList<>();
        entries.values().forEach(e -> out.add(e.state()));
        out.sort(Comparator.comparing(ScheduleState::name));
        return out;
    }

    @Override
    public void close() {
        stopAll();
        timer.shutdownNow();
        runs.shutdownNow();
    }

    private final class Entry {
        final String name;
        final When when;
        final String action;
        final ScheduledWork work;
        final AtomicBoolean running = new AtomicBoolean();
        final AtomicLong runCount = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        volatile boolean stopped;
        volatile ScheduledFuture<?> pending;
        volatile Instant nextRun;
        volatile Instant lastRun;
        volatile RunOutcome lastOutcome;

        Entry(String name, When when, String action, ScheduledWork work) {
            this.name = name;
            this.when = when;
            this.action = action;
            this.work = work;
        }

        synchronized void arm(Instant after) {
            if (stopped) return;
            Instant due = when.next(after);
            nextRun = due;
            long delay = Math.max(0, Duration.between(Instant.now(), due).toMillis());
            pending = timer.schedule(this::fire, delay, TimeUnit.MILLISECONDS);
        }

        void fire() {
            if (stopped) return;
            Instant due = nextRun;
            if (running.compareAndSet(false, true)) {
                lastRun = Instant.now();
                try {
                    runs.execute(this::run);
                } catch (RuntimeException rejected) { // closing
                    running.set(false);
                    return;
                }
            } else {
                skipped.incrementAndGet();
            }
            // the next time after this one was due, but never one already past (a slow machine catches up once)
            Instant now = Instant.now();
            arm(due.isAfter(now) ? due : now);
        }

        void run() {
            Instant started = lastRun;
            RunOutcome outcome;
            try {
                outcome = RunOutcome.of(RunSource.during(RunSource.schedule(name), work::run));
            } catch (Throwable t) { // a failed run, never the schedule's end
                outcome = RunOutcome.failed(t);
            }
            lastOutcome = outcome;
            runCount.incrementAndGet();
            running.set(false);
            if (events != null) events.publish(new ScheduleFinished(name, "session", action, outcome, started, Instant.now()));
        }

        synchronized void stop() {
            stopped = true;
            ScheduledFuture<?> p = pending;
            if (p != null) p.cancel(false);
        }

        ScheduleState state() {
            return new ScheduleState(name, when.describe(), "session", action, lastRun, stopped ? null : nextRun,
                    lastOutcome, runCount.get(), skipped.get(), running.get());
        }
    }

    static ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

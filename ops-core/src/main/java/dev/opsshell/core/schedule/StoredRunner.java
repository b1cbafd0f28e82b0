package dev.opsshell.core.schedule;

import dev.opsshell.core.events.Events;
import dev.opsshell.core.history.RunSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs the store's schedules in {@code ops hub}: reads them every poll (so schedules added,
 * replaced or stopped from shells and the command line are picked up), claims each due run
 * ({@link ScheduleStore#claim}: of several hubs exactly one gets it), runs it on a thread of its
 * own with {@link RunSource#schedule} as its source, renews the lease while it runs and records
 * its outcome. A run missed while no hub ran is run once when one starts again. It notes itself
 * in the store every few seconds, so a shell can tell when no hub would pick a schedule up.
 */
public final class StoredRunner implements AutoCloseable {
    /** How long a hub counts as running after its last note. */
    public static final Duration ALIVE = Duration.ofSeconds(15);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    /** One run going on in this hub. */
    private record Going(StoredSchedule schedule, Instant leaseUntil) { }

    private final ScheduleStore store;
    private final Events events;
    private final String id;
    private final String description;
    private final Duration poll;
    private final Duration lease;
    private final Consumer<String> log;
    private final ExecutorService runs = Executors.newCachedThreadPool(Scheduler.daemon("ops-stored-schedule"));
    private final Map<String, Going> going = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Instant lastHeartbeat = Instant.EPOCH;

    /**
     * @param id    this hub's id in the store (unique: host, pid, start)
     * @param poll  how often the store is read (due runs start within it)
     * @param lease how long a run's claim lasts unrenewed (a hub that died frees its runs after it)
     * @param log   where problems reading the store go (the hub's standard error)
     */
    public StoredRunner(ScheduleStore store, Events events, String id, String description, Duration poll, Duration lease,
                        Consumer<String> log) {
        this.store = store;
        this.events = events;
        this.id = id;
        this.description = description;
        this.poll = poll;
        this.lease = lease;
        this.log = log;
        this.thread = new Thread(this::loop, "ops-stored-schedules");
        thread.setDaemon(true);
    }

    public StoredRunner start() {
        thread.start();
        return this;
    }

    public String id() {
        return id;
    }

    private void loop() {
        String lastProblem = null;
        while (!closed) {
            try {
                round(Instant.now());
                lastProblem = null;
            } catch (RuntimeException e) { // the store unreachable for a moment: said once, tried again
                String m = "schedules: " + e.getMessage();
                if (!m.equals(lastProblem)) log.accept(m);
                lastProblem = m;
            }
            try {
                Thread.sleep(poll.toMillis()); // the poll interval, the hub's clock tick
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One poll: note this hub, renew leases, start what is due. */
    void round(Instant now) {
        if (Duration.between(lastHeartbeat, now).compareTo(HEARTBEAT) >= 0) {
            store.heartbeat(id, description, now);
            lastHeartbeat = now;
        }
        going.replaceAll((name, g) -> {
            if (Duration.between(now, g.leaseUntil()).compareTo(lease.dividedBy(2)) > 0) return g;
            Instant until = now.plus(lease);
            return store.renew(name, g.schedule().generation(), id, until) ? new Going(g.schedule(), until) : g;
        });
        for (StoredSchedule s : store.list()) {
            if (closed || s.nextRun().isAfter(now)) continue;
            // the next time after this one was due; one already past (a hub that was down) is not run in a burst
            Instant next = s.when().next(s.nextRun());
            if (!next.isAfter(now)) next = s.when().next(now);
            Instant until = now.plus(lease);
            if (store.claim(s, next, id, until, now) == ScheduleStore.Claim.CLAIMED) {
                going.put(s.name(), new Going(s, until));
                runs.execute(() -> run(s, now));
            }
        }
    }

    private void run(StoredSchedule s, Instant started) {
        RunOutcome outcome;
        try {
            ScheduledWork work = ActionKinds.of(s.action().kind()).work(s.action().args());
            outcome = RunOutcome.of(RunSource.during(RunSource.schedule(s.name()), work::run));
        } catch (Throwable t) { // a failed run, never the schedule's or the hub's end
            outcome = RunOutcome.failed(t);
        }
        Instant finished = Instant.now();
        going.remove(s.name());
        try {
            store.finish(s.name(), s.generation(), id, outcome, finished);
        } catch (RuntimeException e) {
            log.accept("schedule " + s.name() + ": could not record its run (" + outcome + "): " + e.getMessage());
        }
        if (events != null) events.publish(new ScheduleFinished(s.name(), "hub", s.action().describe(), outcome, started, finished));
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runs.shutdownNow();
        try {
            store.forget(id);
        } catch (RuntimeException e) {
            log.accept("schedules: could not remove this hub's note from the store: " + e.getMessage());
        }
    }
}

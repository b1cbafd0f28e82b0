package dev.opsshell.core.history;

import dev.opsshell.core.events.Events;
import dev.opsshell.core.events.RunFinished;
import dev.opsshell.core.result.Results;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Records every finished run into history without slowing or breaking it: the run's thread only
 * puts the event on a bounded queue ({@link #CAPACITY}; a run that finds it full is counted, not
 * waited for); one daemon thread of its own masks, cuts and writes each run in one transaction. The
 * store is opened on that thread when the first run arrives ({@code store} is called once), and
 * retention applied then if due. A store that fails is reported once to {@code problems}; the run's
 * result is never touched. {@link #close()} waits (bounded) until what was queued is written, so a
 * script's last run is kept. Thread-safe.
 * <pre>{@code
 * Recorder r = Recorder.attach(session.events(), () -> store.history(), System.err::println, settings);
 * }</pre>
 */
public final class Recorder implements AutoCloseable {
    /** Runs waiting to be written, at most. */
    public static final int CAPACITY = 1024;
    /** How long {@link #close()} waits for queued runs to be written. */
    public static final Duration FLUSH_WAIT = Duration.ofSeconds(20);
    /** How long close waits for the writer to end (twice: then interrupted). */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Supplier<HistoryStore> opener;
    private final Consumer<String> problems;
    private final HistorySettings settings;
    private final BlockingQueue<RunFinished> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Results[] recent = new Results[8]; // guarded by this: a run recorded again by a lambda around it
    private int recentNext;
    private final Object progress = new Object();
    private long queued;   // guarded by progress
    private long done;     // guarded by progress
    private long lost;     // guarded by progress
    private volatile boolean closed;
    private boolean openFirst; // guarded by progress
    private volatile boolean reported;
    private Thread writer; // guarded by this
    private HistoryStore history; // the writer thread's
    private boolean unusable;     // the writer thread's: the store did not open
    private AutoCloseable subscription;

    Recorder(Supplier<HistoryStore> opener, Consumer<String> problems, HistorySettings settings) {
        this.opener = opener;
        this.problems = problems;
        this.settings = settings;
    }

    /** A recorder of every {@link RunFinished} published on {@code events}. */
    public static Recorder attach(Events events, Supplier<HistoryStore> store, Consumer<String> problems,
                                  HistorySettings settings) {
        Recorder r = new Recorder(store, problems, settings);
        r.subscription = events.subscribe(RunFinished.class, r::accept);
        return r;
    }

    /** Called on the run's thread: queues the run and returns at once. */
    void accept(RunFinished run) {
        if (closed || seen(run.results())) return;
        synchronized (progress) {
            if (!queue.offer(run)) {
                lost++;
                report("history: " + CAPACITY + " runs are waiting to be recorded; this one is not kept");
                return;
            }
            queued++;
        }
        startWriter();
    }

    /** True when these very results were queued already (a lambda returning the exec it ran). */
    private synchronized boolean seen(Results results) {
        for (Results r : recent) if (r == results) return true;
        recent[recentNext] = results;
        recentNext = (recentNext + 1) % recent.length;
        return false;
    }

    private synchronized void startWriter() {
        if (writer != null) return;
        writer = new Thread(this::write, "ops-history");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Opens the store now, on the recorder's thread, rather than when the first run finishes: a
     * one-liner's run then finds it ready, so its exit does not wait for the opening. The prompt
     * does not call this: opening the store would compete with its start for the CPU.
     */
    public void openSoon() {
        synchronized (progress) {
            openFirst = true;
        }
        startWriter();
    }

    private void write() {
        boolean open;
        synchronized (progress) {
            open = openFirst;
        }
        if (open) history();
        String who = Who.am();
        while (true) {
            RunFinished run;
            try {
                run = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return; // closed: whatever is still queued was waited for as long as close allows
            }
            if (run == null) {
                if (closed) return;
                continue;
            }
            try {
                store(run, who);
            } catch (RuntimeException e) {
                synchronized (progress) {
                    lost++;
                }
                report("history: run not recorded: " + (e.getMessage() == null ? e.toString() : e.getMessage())
                        + " (runs go on; only their history is missing)");
            } finally {
                synchronized (progress) {
                    done++;
                    progress.notifyAll();
                }
            }
        }
    }

    private void store(RunFinished run, String who) {
        HistoryStore h = history();
        if (h == null) {
            synchronized (progress) {
                lost++;
            }
            return;
        }
        RunDetail d = RunCapture.of(run, who);
        h.record(d.run(), d.hosts());
    }

    private HistoryStore history() {
        if (history != null || unusable) return history;
        try {
            history = opener.get();
        } catch (RuntimeException e) {
            unusable = true;
            if (!closed) report("history: runs are not recorded in this session: " + e.getMessage());
            return null;
        }
        if (closed) return history; // the session is ending: the purge waits for the next one
        try {
            Retention.applyIfDue(history, settings.retention(), Instant.now());
        } catch (RuntimeException e) {
            report("history: old runs not purged: " + e.getMessage());
        }
        return history;
    }

    private void report(String message) {
        if (reported) return;
        reported = true;
        problems.accept(message);
    }

    /** Waits until every run queued so far is written (or given up on), at most {@code wait}; false when time ran out. */
    public boolean flush(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (progress) {
            long target = queued;
            while (done < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    /** Runs that were not recorded (queue full, store failing). */
    public long lost() {
        synchronized (progress) {
            return lost;
        }
    }

    /** Stops taking runs, waits (at most {@link #FLUSH_WAIT}) for the queued ones to be written, stops the thread. */
    @Override
    public void close() {
        if (closed) return;
        try {
            if (subscription != null) subscription.close();
        } catch (Exception e) {
            problems.accept("history: " + e.getMessage());
        }
        try {
            if (!flush(FLUSH_WAIT)) {
                problems.accept("history: the store did not take the last runs within " + FLUSH_WAIT.toSeconds()
                        + " s; they are not recorded");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        Thread w;
        synchronized (this) {
            w = writer;
        }
        if (w == null) return;
        // the writer may still be opening the store (openSoon) or purging: the store must outlive it,
        // so wait for it to end before the session closes the store (it polls every 200 ms)
        try {
            w.join(STOP_WAIT.toMillis());
            if (w.isAlive()) {
                w.interrupt();
                w.join(STOP_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

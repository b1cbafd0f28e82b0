package dev.opsshell.core.run;

import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Runs one task per host with at most {@code forks} in flight and collects every host's result in
 * host order. A task that throws becomes an {@code ERROR} result for that host; the others are kept.
 * Cancelling (Ctrl-C interrupts the calling thread, or {@link #cancelAll()}) stops what is running,
 * keeps what finished, and marks the rest {@code CANCELLED}: the shell is usable at once.
 */
public final class Fanout {
    private static final Set<Thread> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private Fanout() {
    }

    public static Results run(String title, Hosts hosts, int forks, Progress.Factory progressFactory,
                              Function<Host, Result> task) {
        Instant start = Instant.now();
        List<Host> list = hosts.list();
        AtomicReferenceArray<Result> results = new AtomicReferenceArray<>(list.size());
        AtomicBoolean cancelled = new AtomicBoolean();
        if (list.isEmpty()) return new Results(title, hosts, List.of(), Duration.ZERO);
        Progress progress = progressFactory.start(title, list.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(forks, list.size()), daemonThreads());
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        List<Future<Integer>> futures = new ArrayList<>();
        // Ctrl-C stops what the operator is waiting for, not a schedule's run going on behind the prompt
        boolean foreground = RunSource.current().kind() != RunSource.Kind.SCHEDULE;
        if (foreground) RUNNING.add(Thread.currentThread());
        try {
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                futures.add(done.submit(() -> {
                    Result r = guarded(list.get(index), task);
                    // a result that arrives once cancelling began was cut short by it: the host stays CANCELLED
                    if (!cancelled.get()) results.compareAndSet(index, null, r);
                    return index;
                }));
            }
            for (int remaining = list.size(); remaining > 0; remaining--) {
                int index = done.take().get();
                shown(() -> progress.done(results.get(index)));
            }
        } catch (InterruptedException e) {
            cancelled.set(true);
            futures.forEach(f -> f.cancel(true));
        } catch (Exception e) {
            throw new IllegalStateException("fan-out bookkeeping failed for " + title, e);
        } finally {
            RUNNING.remove(Thread.currentThread());
            Thread.interrupted(); // the cancel is handled: the caller gets the partial results
            pool.shutdownNow();
            shown(progress::finish);
        }
        List<Result> all = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            results.compareAndSet(i, null, Result.problem(list.get(i), Outcome.CANCELLED,
                    "cancelled before it finished (Ctrl-C)", start, ""));
            all.add(results.get(i));
        }
        return new Results(title, hosts, all, Duration.between(start, Instant.now()));
    }

    private static Result guarded(Host host, Function<Host, Result> task) {
        Instant start = Instant.now();
        try {
            Result r = task.apply(host);
            return r != null ? r : Result.problem(host, Outcome.ERROR, "the operation returned no result", start, "");
        } catch (RuntimeException | Error e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Result.problem(host, Outcome.ERROR, why, start, "");
        }
    }

    /** Runs a progress display call; a display that fails must not lose the results it was showing. */
    private static void shown(Runnable display) {
        try {
            display.run();
        } catch (RuntimeException e) {
            // the progress line is decoration: the results still come back in full
        }
    }

    /** A wait that may block the calling thread (for jobs, say). */
    @FunctionalInterface
    public interface Wait<T> {
        T get() throws InterruptedException;
    }

    /**
     * Runs a wait that Ctrl-C stops as it stops a fan-out: {@link #cancelAll()} interrupts the
     * waiting thread, and {@code wait} sees an InterruptedException.
     */
    public static <T> T interruptibly(Wait<T> wait) throws InterruptedException {
        RUNNING.add(Thread.currentThread());
        T value;
        try {
            value = wait.get();
        } finally {
            RUNNING.remove(Thread.currentThread());
        }
        Thread.interrupted(); // a Ctrl-C that came as the wait ended found nothing left to stop
        return value;
    }

    /** Cancels every fan-out in progress (the shell's Ctrl-C handler calls this). */
    public static void cancelAll() {
        RUNNING.forEach(Thread::interrupt);
    }

    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "ops-fanout-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

package dev.opsshell.core.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the jobs of this process are doing right now, for the shell's progress line and for
 * waiting: the step each running job is on, and a signal whenever one finishes (jobs run by
 * another shell on a shared database are seen by reading the store).
 */
public final class JobEvents {
    /** Told when a job of this process moves to a new step or finishes. */
    public interface Listener {
        void step(String jobId, String step);

        default void finished(JobRecord job) {
        }
    }

    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object finishedSignal = new Object();
    private long finishedCount;

    public void listen(Listener l) {
        listeners.add(l);
    }

    public void unlisten(Listener l) {
        listeners.remove(l);
    }

    /** The step a job of this process is on, or null when it is not running here. */
    public String step(String jobId) {
        RunningJob r = running.get(jobId);
        return r == null ? null : r.step();
    }

    public boolean runningHere(String jobId) {
        return running.containsKey(jobId);
    }

    RunningJob started(String jobId) {
        RunningJob r = new RunningJob(jobId, this::stepped);
        r.attach(Thread.currentThread());
        running.put(jobId, r);
        return r;
    }

    /** The jobs running in this process now. */
    java.util.Collection<RunningJob> runningNow() {
        return List.copyOf(running.values());
    }

    RunningJob get(String jobId) {
        return running.get(jobId);
    }

    void finished(JobRecord job) {
        RunningJob r = running.remove(job.id());
        if (r != null) r.attach(null);
        for (Listener l : listeners) l.finished(job);
        synchronized (finishedSignal) {
            finishedCount++;
            finishedSignal.notifyAll();
        }
    }

    /** Waits until some job of this process finishes, or {@code millis} pass. */
    void awaitAnyFinished(long millis) throws InterruptedException {
        synchronized (finishedSignal) {
            long seen = finishedCount;
            long deadline = System.nanoTime() + millis * 1_000_000;
            while (finishedCount == seen) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) return;
                finishedSignal.wait(left);
            }
        }
    }

    /** A job found its system held by another job and will be tried again. */
    void waiting(String jobId, String why) {
        stepped(jobId, why);
    }

    private void stepped(String jobId, String step) {
        for (Listener l : listeners) l.step(jobId, step);
    }
}

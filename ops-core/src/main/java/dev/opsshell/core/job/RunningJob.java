package dev.opsshell.core.job;

import dev.opsshell.core.driver.JobContext;

import java.util.function.BiConsumer;

/** The context of a job running in this process: its current step and whether it was cancelled. */
final class RunningJob implements JobContext {
    private final String id;
    private final BiConsumer<String, String> onStep;
    private volatile String step = "starting";
    private volatile boolean cancelled;
    private volatile Thread worker;

    RunningJob(String id, BiConsumer<String, String> onStep) {
        this.id = id;
        this.onStep = onStep;
    }

    @Override
    public String jobId() {
        return id;
    }

    @Override
    public void step(String what) {
        step = what;
        onStep.accept(id, what);
    }

    String step() {
        return step;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    void attach(Thread thread) {
        worker = thread;
    }

    /** Marks the job cancelled and wakes its worker from a wait (drivers poll with sleeps). */
    void cancel() {
        cancelled = true;
        Thread t = worker;
        if (t != null) t.interrupt();
    }
}

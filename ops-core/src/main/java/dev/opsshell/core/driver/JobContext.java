package dev.opsshell.core.driver;

/**
 * What a driver gets from the job it works for: the job's id (drivers derive idempotency tokens
 * from it), a way to say which step it is on, and whether the operator cancelled the job (long
 * waits check it and stop early with {@link #checkCancelled()}).
 */
public interface JobContext {
    String jobId();

    void step(String what);

    boolean cancelled();

    default void checkCancelled() {
        if (cancelled()) throw new DriverException("cancelled by the operator");
    }

    /** For calls made outside a job (tests, sync). */
    static JobContext none() {
        return new JobContext() {
            public String jobId() { return "none"; }
            public void step(String what) { }
            public boolean cancelled() { return Thread.currentThread().isInterrupted(); }
        };
    }
}

package dev.opsshell.core.job;

/**
 * A job's life: queued, running, then one of the four ends. {@code INTERRUPTED}: the shell that
 * ran it died mid-way; it is never resumed by itself.
 */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, INTERRUPTED, CANCELLED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

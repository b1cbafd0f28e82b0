package dev.opsshell.core.run;

import dev.opsshell.core.result.Result;

/**
 * Watches a fan-out as results arrive (or a batch of jobs as they end). The shell draws a progress line on a terminal; elsewhere
 * nothing is drawn, so piped output stays clean. Called from many threads.
 */
public interface Progress {
    Progress NONE = new Progress() {
    };

    default void done(Result result) {
    }

    /** One item without a host result ended (a job of a batch): counted as {@link #done} counts. */
    default void ended(boolean ok) {
    }

    /** What is going on now, shown after the count (the step a running job is on). */
    default void doing(String what) {
    }

    /** The fan-out has finished or been cancelled; clear whatever was drawn. */
    default void finish() {
    }

    /** Makes one {@link Progress} per fan-out. */
    @FunctionalInterface
    interface Factory {
        Factory NONE = (title, total) -> Progress.NONE;

        Progress start(String title, int total);
    }
}

package dev.opsshell.core.run;

import dev.opsshell.core.result.Result;

/**
 * Watches a fan-out as results arrive. The shell draws a progress line on a terminal; elsewhere
 * nothing is drawn, so piped output stays clean. Called from many threads.
 */
public interface Progress {
    Progress NONE = new Progress() {
    };

    default void done(Result result) {
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

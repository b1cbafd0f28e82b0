package dev.opsshell.core.transport;

import dev.opsshell.core.text.Durations;

import java.time.Duration;

/** The messages of a command cut short, worded the same by every transport. */
public final class CutShort {
    /** A command stopped by Ctrl-C (its thread interrupted). */
    public static final String CANCELLED = "cancelled (Ctrl-C); the command was killed";

    private CutShort() {
    }

    /** A command killed at its timeout: {@code killed after 1500 ms (command timeout); raise it with …}. */
    public static String timedOut(Duration limit) {
        return "killed after " + Durations.spoken(limit) + " (command timeout); raise it with timeout(…) or --timeout";
    }
}

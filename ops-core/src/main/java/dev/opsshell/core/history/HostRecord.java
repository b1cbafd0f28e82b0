package dev.opsshell.core.history;

import dev.opsshell.core.result.Outcome;

import java.time.Duration;
import java.util.Objects;

/**
 * How one host of a recorded run ended, as history keeps it: output cut at
 * {@link RunCapture#OUTPUT_CAP} characters per stream (then {@code truncated} is true, as it is when
 * the transport already cut it) and masked ({@link Secrets}).
 */
public record HostRecord(String host, Outcome outcome, int exitCode, Duration duration, String transport,
                         String stdout, String stderr, boolean truncated, String message) {
    public HostRecord {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(outcome, "outcome");
        duration = duration == null ? Duration.ZERO : duration;
        transport = transport == null ? "" : transport;
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        message = message == null ? "" : message;
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}

package dev.opsshell.core.result;

import dev.opsshell.core.host.Host;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened on one host: the outcome, exit code (-1 when the command did not exit), stdout and
 * stderr kept apart, whether output was cut at the cap, when it started, how long it took, which
 * transport ran it, and a message for anything that is not a plain exit.
 */
public record Result(Host host, Outcome outcome, int exitCode, String stdout, String stderr,
                     boolean truncated, Instant start, Duration duration, String transport,
                     String message) {

    public Result {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(outcome, "outcome");
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        start = start == null ? Instant.now() : start;
        duration = duration == null ? Duration.ZERO : duration;
        transport = transport == null ? "" : transport;
        message = message == null ? "" : message;
    }

    /** A command that ran to its exit: ok on 0, failed otherwise. */
    public static Result exited(Host host, int exitCode, String stdout, String stderr, boolean truncated,
                                Instant start, String transport) {
        return new Result(host, exitCode == 0 ? Outcome.OK : Outcome.FAILED, exitCode, stdout, stderr,
                truncated, start, Duration.between(start, Instant.now()), transport, "");
    }

    /** A host where the command did not run or finish; the message says why and what to do. */
    public static Result problem(Host host, Outcome outcome, String message, Instant start, String transport) {
        return new Result(host, outcome, -1, "", "", false, start, Duration.between(start, Instant.now()),
                transport, message);
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    /**
     * The text to show for this host: for a problem the message; for a non-zero exit both streams
     * (stdout first), since the reason is often in either; otherwise stdout, or stderr when stdout is empty.
     */
    public String summary() {
        if (outcome.isConnectionProblem()) return message;
        if (stdout.isBlank()) return stderr;
        if (outcome == Outcome.FAILED && !stderr.isBlank()) return stdout.stripTrailing() + "\n" + stderr;
        return stdout;
    }

    @Override
    public String toString() {
        String what = outcome == Outcome.OK ? "ok"
                : outcome == Outcome.FAILED ? "exit " + exitCode
                : outcome.label() + ": " + message;
        String text = summary().strip();
        if (text.length() > 200) text = text.substring(0, 200) + "…";
        return (ok() ? "✔ " : "✗ ") + host.name() + " " + what
                + " (" + duration.toMillis() + " ms, " + transport + ")"
                + (text.isEmpty() || outcome.isConnectionProblem() ? "" : "\n  " + text.replace("\n", "\n  "))
                + (truncated ? "\n  [output truncated]" : "");
    }
}

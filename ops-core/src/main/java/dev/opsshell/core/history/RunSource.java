package dev.opsshell.core.history;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Where a run was started from, for history: the interactive shell (detail: the snippet typed), a
 * script (its path), a one-liner ({@code ops -e}, {@code ops exec}: the command line), a schedule
 * (its name). The current thread's source is set around each snippet, script or schedule run with
 * {@link #during}; outside of those it is {@link #UNKNOWN}.
 */
public record RunSource(Kind kind, String detail) {
    public enum Kind { SHELL, SCRIPT, ONE_LINER, SCHEDULE, API }

    public static final RunSource UNKNOWN = new RunSource(Kind.API, "");

    // inherited: JShell runs each snippet on a thread it starts for it, which must see the snippet's source
    private static final ThreadLocal<RunSource> CURRENT = new InheritableThreadLocal<>();

    public RunSource {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public static RunSource shell(String snippet) {
        return new RunSource(Kind.SHELL, snippet);
    }

    public static RunSource script(String path) {
        return new RunSource(Kind.SCRIPT, path);
    }

    public static RunSource oneLiner(String commandLine) {
        return new RunSource(Kind.ONE_LINER, commandLine);
    }

    public static RunSource schedule(String name) {
        return new RunSource(Kind.SCHEDULE, name);
    }

    /** The source of the runs this thread starts now. */
    public static RunSource current() {
        RunSource s = CURRENT.get();
        return s == null ? UNKNOWN : s;
    }

    /** Runs {@code work} with {@code source} as this thread's source, then puts the previous one back. */
    public static <T> T during(RunSource source, Callable<T> work) throws Exception {
        RunSource previous = CURRENT.get();
        CURRENT.set(source);
        try {
            return work.call();
        } finally {
            if (previous == null) CURRENT.remove(); else CURRENT.set(previous);
        }
    }
}

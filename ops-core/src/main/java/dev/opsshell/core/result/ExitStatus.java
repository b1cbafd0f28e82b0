package dev.opsshell.core.result;

import java.util.OptionalInt;

/**
 * How a run that is not watched by a person (a script, a one-liner, piped input) should end: the
 * worst exit code of every Results its operations produced, so hosts dropped at an early step still
 * fail the run when its last step succeeds on the rest; unless the run chose its code itself
 * ({@code exitCode(0)} in a script). 4 (a host not reached) wins over 5 (a host exited non-zero),
 * both over 0. Thread-safe.
 */
public final class ExitStatus {
    private int worst;
    private Integer chosen;

    /** Counts one operation's results. */
    public synchronized void record(Results results) {
        worst = worse(worst, results.exitCode());
    }

    /** The worst code recorded so far: 0, 4 or 5. */
    public synchronized int worst() {
        return worst;
    }

    /** Makes the run end with {@code code} whatever its operations gave. */
    public synchronized void choose(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("an exit code is 0-255, not " + code);
        }
        chosen = code;
    }

    /** The code chosen with {@link #choose}, if any. */
    public synchronized OptionalInt chosen() {
        return chosen == null ? OptionalInt.empty() : OptionalInt.of(chosen);
    }

    /** The code the run ends with: the chosen one, else the worst recorded. */
    public synchronized int code() {
        return chosen != null ? chosen : worst;
    }

    /** The worse of two run codes: 4 wins over 5, and both over 0. */
    public static int worse(int a, int b) {
        if (a == 4 || b == 4) return 4;
        return Math.max(a, b);
    }

    @Override
    public synchronized String toString() {
        return "exit " + code() + (chosen != null ? " (chosen)" : " (worst of the run's results)");
    }
}

package dev.opsshell.remote.check;

/** How one check ended on one host. */
public enum Verdict {
    PASS, FAIL, SKIP,
    /** The host or the probe could not answer (unreachable, no package manager, cut short). */
    ERROR
}

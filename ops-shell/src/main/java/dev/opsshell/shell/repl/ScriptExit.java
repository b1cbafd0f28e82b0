package dev.opsshell.shell.repl;

/**
 * Thrown by {@code exit(n)} and {@code args(n, usage)} to end a script (or leave the shell) at once
 * with an exit code, and an optional message for stderr. Not an error: the shell does not print it
 * as an exception.
 */
public final class ScriptExit extends RuntimeException {
    private final int code;

    ScriptExit(int code, String message) {
        super(message, null, false, false);
        if (code < 0 || code > 255) throw new IllegalArgumentException("an exit code is 0-255, not " + code);
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The exit request behind a reply, or null when the snippet did not ask to exit. */
    public static ScriptExit of(Reply reply) {
        return reply.thrown() instanceof ScriptExit e ? e : null;
    }
}

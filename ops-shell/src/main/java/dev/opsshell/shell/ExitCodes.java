package dev.opsshell.shell;

/**
 * The exit codes of {@code ops}, the same for {@code exec}, scripts and one-liners:
 * 0 every host ok, 1 a script's own error (compile error, exception), 2 a usage or inventory
 * error, 4 some host unreachable / refused auth or its host key / timed out / cancelled,
 * 5 some host exited non-zero (4 wins over 5). Results compute 0/4/5 themselves
 * ({@code Results.exitCode()}).
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int SCRIPT_ERROR = 1;
    public static final int USAGE = 2;
    static final int UNREACHABLE = 4;
    public static final int NON_ZERO = 5;

    private ExitCodes() {
    }

    /** The code for an error that ended a script or one-liner: 2 for inventory problems, else 1. */
    public static int forError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof dev.opsshell.core.inventory.InventoryException) return USAGE;
        }
        return SCRIPT_ERROR;
    }

    /** The worse of two run codes, where 4 wins over 5 and both win over 0. */
    static int worse(int a, int b) {
        return dev.opsshell.core.result.ExitStatus.worse(a, b);
    }
}

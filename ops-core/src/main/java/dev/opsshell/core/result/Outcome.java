package dev.opsshell.core.result;

/**
 * How one host's attempt ended. Only {@link #OK} is success; {@link #FAILED} means the command ran
 * and exited non-zero; the rest mean it could not run (or finish) at all.
 */
public enum Outcome {
    OK("ok"),
    FAILED("non-zero exit"),
    UNREACHABLE("unreachable"),
    AUTH_FAILED("auth failed"),
    HOST_KEY_REJECTED("host key rejected"),
    TIMED_OUT("timed out"),
    CANCELLED("cancelled"),
    ERROR("error");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when the host was not reached or the command never finished: exit code 4 territory. */
    public boolean isConnectionProblem() {
        return this != OK && this != FAILED;
    }
}

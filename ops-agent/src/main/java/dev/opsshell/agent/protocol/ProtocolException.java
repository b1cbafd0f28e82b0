package dev.opsshell.agent.protocol;

/**
 * A frame that could not be decoded. Carries the request id when the frame had one, so the receiver
 * can still answer it with an error instead of leaving the sender waiting.
 */
public final class ProtocolException extends Exception {
    private final long id;
    private final ErrorCode code;

    public ProtocolException(long id, ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.id = id;
        this.code = code;
    }

    /** The request id found in the frame, or -1 when it had none. */
    public long id() {
        return id;
    }

    public ErrorCode code() {
        return code;
    }
}

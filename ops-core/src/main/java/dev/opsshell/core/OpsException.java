package dev.opsshell.core;

/**
 * The root of every error ops raises on purpose. Messages name the host, the command or the file
 * involved and say what to do next; each layer has its own subclass.
 */
public class OpsException extends RuntimeException {
    public OpsException(String message) {
        super(message);
    }

    public OpsException(String message, Throwable cause) {
        super(message, cause);
    }
}

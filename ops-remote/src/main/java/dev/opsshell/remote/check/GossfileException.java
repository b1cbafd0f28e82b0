package dev.opsshell.remote.check;

/** A gossfile ops cannot run as written: {@code goss.yaml:12: what is wrong and what to do}. */
public final class GossfileException extends IllegalArgumentException {
    public GossfileException(String message) {
        super(message);
    }
}

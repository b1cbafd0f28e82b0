package dev.opsshell.remote.hub;

import dev.opsshell.core.OpsException;

/** A hub that cannot start or be reached; the message says what to change. */
public final class HubException extends OpsException {
    public HubException(String message) {
        super(message);
    }

    public HubException(String message, Throwable cause) {
        super(message, cause);
    }
}

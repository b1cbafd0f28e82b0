package dev.opsshell.core.store;

import dev.opsshell.core.OpsException;

/** The store could not be opened, read or written; the message names the file or URL (never a password) and what to do. */
public class StoreException extends OpsException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

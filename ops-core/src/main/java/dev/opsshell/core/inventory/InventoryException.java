package dev.opsshell.core.inventory;

import dev.opsshell.core.OpsException;

import java.nio.file.Path;

/**
 * A malformed inventory, or a pattern that selects nothing. When it comes from a file the message
 * starts with {@code file:line:} and says what was expected there.
 */
public final class InventoryException extends OpsException {
    public InventoryException(String message) {
        super(message);
    }

    public InventoryException(Path file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }
}

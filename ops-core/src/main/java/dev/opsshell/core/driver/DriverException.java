package dev.opsshell.core.driver;

import dev.opsshell.core.OpsException;

/**
 * A driver could not do what a job asked. The message is the system's failure as the operator
 * reads it: what was tried, the driver's own code and message (EC2's {@code InsufficientInstanceCapacity},
 * libvirt's error), and what to do. {@code code} is the driver's error code when it has one.
 */
public class DriverException extends OpsException {
    private final String code;

    public DriverException(String message) {
        this(null, message, null);
    }

    public DriverException(String message, Throwable cause) {
        this(null, message, cause);
    }

    public DriverException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The driver's own error code, or null. */
    public String code() {
        return code;
    }
}

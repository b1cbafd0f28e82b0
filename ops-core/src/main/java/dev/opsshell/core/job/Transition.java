package dev.opsshell.core.job;

import dev.opsshell.core.system.MachineState;

import java.time.Duration;
import java.time.Instant;

/**
 * A machine's state change, kept for ever: which machine, from and to, the job and kind that did
 * it, why ({@code cause}: "create", "sync: gone at the driver", "restart: read back"), when it
 * started, how long it took and the error when it failed. {@code id} is 0 before it is stored.
 */
public record Transition(long id, String systemId, MachineState from, MachineState to, String jobId,
                         JobKind kind, String driver, String cause, Instant start, Duration duration, String error) {
    public boolean failed() {
        return error != null && !error.isBlank();
    }
}

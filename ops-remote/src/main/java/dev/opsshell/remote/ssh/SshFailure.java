package dev.opsshell.remote.ssh;

import dev.opsshell.core.OpsException;
import dev.opsshell.core.result.Outcome;

/**
 * Why a host could not be reached, logged in to, or finished with, as the outcome its result gets
 * and a message that names the host and says what to check. Thrown inside the SSH transport and
 * turned into a {@link dev.opsshell.core.result.Result}; never escapes to the caller.
 */
final class SshFailure extends OpsException {
    private final Outcome outcome;

    SshFailure(Outcome outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    SshFailure(Outcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    Outcome outcome() {
        return outcome;
    }
}

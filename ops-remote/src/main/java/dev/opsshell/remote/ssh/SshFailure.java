package dev.opsshell.remote.ssh;

import dev.opsshell.core.OpsException;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;

import java.util.function.Function;

/**
 * Why a host could not be reached, logged in to, or finished with, as the outcome its result gets
 * and a message that names the host and says what to check. Thrown inside the SSH transport and
 * turned into a {@link dev.opsshell.core.result.Result}; never escapes to the caller.
 */
final class SshFailure extends OpsException {
    private final Outcome outcome;
    private Function<Host, String> fix;

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

    /**
     * Adds the fix, worded for the inventory host that failed (one connection may serve several
     * names): the host's name in the fix becomes the group's node set when hosts are shown together.
     */
    SshFailure fixedFor(Function<Host, String> hostFix) {
        fix = hostFix;
        return this;
    }

    /** The message for {@code host}, with the fix for it when there is one. */
    String messageFor(Host host) {
        return fix == null ? getMessage() : getMessage() + fix.apply(host);
    }

    /** How to accept an unknown host key: for this host, at the prompt or on the command line. */
    static String acceptHostKeysHint(Host host) {
        return " with acceptHostKeys(\"" + host.name() + "\"), or let ops add unknown keys: acceptNewHostKeys(true)"
                + " at the prompt, --accept-new-host-keys on the command line";
    }
}

package dev.opsshell.remote.ssh;

import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.text.Durations;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** Turns what went wrong while connecting into an outcome and a message that says what to check. */
final class Failures {
    private Failures() {
    }

    static SshFailure connect(Target target, boolean viaJump, Duration timeout, Throwable e) {
        Endpoint ep = target.endpoint();
        String where = ep.hostPort() + (viaJump ? " (through jump host " + ep.jump().hostPort() + ")" : "");
        Throwable root = root(e);
        if (root instanceof UnknownHostException) {
            return new SshFailure(Outcome.UNREACHABLE, "cannot resolve '" + ep.address() + "': check the host name,"
                    + " ansible_host in the inventory, or HostName in ~/.ssh/config", e);
        }
        if (root instanceof ConnectException) {
            return new SshFailure(Outcome.UNREACHABLE, "connection to " + where + " refused: is sshd running and"
                    + " listening on port " + ep.port() + "? (ansible_port / Port in ~/.ssh/config)", e);
        }
        if (root instanceof NoRouteToHostException) {
            return new SshFailure(Outcome.UNREACHABLE, "no route to " + where + ": is the host up and the"
                    + " address right? check the network path and firewalls", e);
        }
        if (root instanceof SocketTimeoutException) {
            return new SshFailure(Outcome.UNREACHABLE, "connecting to " + where + " timed out after "
                    + Durations.spoken(timeout) + ": is the host up and port " + ep.port() + " open? raise the limit with"
                    + " connectTimeout(…)", e);
        }
        if (viaJump) {
            return new SshFailure(Outcome.UNREACHABLE, "jump host " + ep.jump().hostPort() + " could not reach "
                    + ep.hostPort() + ": " + describe(e) + "; check that the jump host can connect to it", e);
        }
        return new SshFailure(Outcome.UNREACHABLE, "SSH connection to " + where + " failed: " + describe(e), e);
    }

    static SshFailure handshakeTimeout(Target target, Duration timeout, Throwable e) {
        Endpoint ep = target.endpoint();
        return new SshFailure(Outcome.UNREACHABLE, "no SSH handshake with " + ep.hostPort() + " within "
                + Durations.spoken(timeout) + ": the port answers but no SSH server completed the handshake; is it sshd,"
                + " and is it overloaded (MaxStartups)? raise the limit with connectTimeout(…)", e);
    }

    static String describe(Throwable e) {
        Throwable r = root(e);
        String m = r.getMessage();
        return m == null || m.isBlank() ? r.getClass().getSimpleName() : m;
    }

    static Throwable root(Throwable e) {
        Throwable r = e;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        return r;
    }
}

package dev.opsshell.remote.ssh;

import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.text.Durations;
import dev.opsshell.core.transport.Settings;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AuthMethod;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Opens and logs in one SSH connection (directly, or tunnelled through an already open jump host
 * connection): gathers the keys first ({@link Login}: the ssh-agent's, then key files; a passphrase
 * prompt must not eat into the connect timeout), then connects, verifies the host key and
 * authenticates, all within the connect timeout. When every key was refused and key files with a
 * passphrase were held back, their passphrases are asked and a second connection tries them.
 * Failures come out as {@link SshFailure}s whose messages say what to check.
 */
final class Connector {
    private final Config config;
    private final Keys keys;
    private final ScheduledExecutorService alarms;
    private final Function<Settings, KnownHosts> knownHosts;

    Connector(Config config, Keys keys, ScheduledExecutorService alarms, Function<Settings, KnownHosts> knownHosts) {
        this.config = config;
        this.keys = keys;
        this.alarms = alarms;
        this.knownHosts = knownHosts;
    }

    SSHClient connect(Target target, SSHClient jump, Settings settings) {
        KnownHosts known = knownHosts.apply(settings);
        Endpoint e = target.endpoint();
        if (known.algorithms(e.address(), e.port()).stream().anyMatch(a -> a.startsWith("ecdsa-"))) BouncyCastle.ensure();
        try {
            return attempt(target, jump, settings, known);
        } catch (SshFailure f) {
            if (!BouncyCastle.wouldHelp(f)) throw f;
            BouncyCastle.ensure(); // the server offered only an algorithm the JDK lacks (an ECDSA host key)
            return attempt(target, jump, settings, known);
        }
    }

    private SSHClient attempt(Target target, SSHClient jump, Settings settings, KnownHosts known) {
        try (Login login = Login.prepare(keys, target, settings.connectTimeout())) {
            try {
                return open(target, jump, settings, known, login, login.methods());
            } catch (Refused first) {
                List<AuthMethod> more = login.unlockLocked(); // key files with a passphrase come last, as in OpenSSH
                if (more.isEmpty()) throw authFailed(target, login, first.getCause());
                try {
                    return open(target, jump, settings, known, login, more);
                } catch (Refused second) {
                    throw authFailed(target, login, second.getCause());
                }
            }
        }
    }

    /** Connects, checks the host key and logs in with {@code methods}, all within the connect timeout. */
    private SSHClient open(Target target, SSHClient jump, Settings settings, KnownHosts known, Login login,
                           List<AuthMethod> methods) {
        Endpoint e = target.endpoint();
        int ms = (int) Math.max(1, settings.connectTimeout().toMillis());
        SSHClient client = new SSHClient(config);
        client.setConnectTimeout(ms);
        client.setSocketFactory(SshClients.NO_DELAY);
        client.getTransport().setTimeoutMs(ms);
        client.getConnection().setTimeoutMs(ms);
        client.getConnection().getKeepAlive().setKeepAliveInterval(SshClients.KEEP_ALIVE_SECONDS);
        HostKeyCheck check = new HostKeyCheck(known, settings.acceptNewHostKeys());
        client.addHostKeyVerifier(check);
        AtomicBoolean expired = new AtomicBoolean();
        // sshj 0.39 can lose the server's hang-up when it lands between two login attempts (UserAuthImpl clears the
        // error it was given, or waits for a service accept that never comes) and then waits out the timeout:
        // remember the hang-up, so the expiry below is reported as what it was.
        AtomicReference<String> hungUp = new AtomicReference<>();
        client.getTransport().setDisconnectListener((reason, message) -> {
            if (reason != DisconnectReason.BY_APPLICATION) hungUp.compareAndSet(null, message == null ? reason.name() : message);
        });
        boolean authenticating = false;
        ScheduledFuture<?> alarm = alarms.schedule(() -> {
            expired.set(true);
            Pool.closeQuietly(client);
        }, ms, TimeUnit.MILLISECONDS);
        try {
            if (jump == null) client.connect(e.address(), e.port());
            else client.connectVia(jump.newDirectConnection(e.address(), e.port()));
            if (methods.isEmpty()) throw noKeys(target, login); // after connecting: an unreachable host says so first
            authenticating = true;
            client.auth(e.user(), methods);
            return client;
        } catch (IOException | RuntimeException ex) {
            Pool.closeQuietly(client);
            if (ex instanceof SshFailure f) throw f;
            if (check.refusal() != null) {
                throw new SshFailure(Outcome.HOST_KEY_REJECTED, check.refusal(), ex)
                        .fixedFor(check.unknown() ? SshFailure::acceptHostKeysHint : null);
            }
            if (expired.get() && authenticating && hungUp.get() != null) {
                IOException hangUp = new IOException(hungUp.get());
                hangUp.addSuppressed(ex);
                throw closedDuringLogin(target, login, hangUp);
            }
            if (expired.get()) {
                throw authenticating ? loginTimeout(target, login, settings.connectTimeout(), ex)
                        : Failures.handshakeTimeout(target, settings.connectTimeout(), ex);
            }
            if (ex instanceof UserAuthException) throw new Refused(ex);
            if (authenticating) throw closedDuringLogin(target, login, ex);
            throw Failures.connect(target, jump != null, settings.connectTimeout(), ex);
        } finally {
            alarm.cancel(false);
        }
    }

    /** The server refused every method offered on one connection. */
    private static final class Refused extends RuntimeException {
        Refused(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private static SshFailure noKeys(Target target, Login login) {
        String why = login.problems().isEmpty()
                ? "no key to offer: none of ~/.ssh/id_ed25519, id_ecdsa, id_rsa exists, no ssh-agent holds a key"
                + " (SSH_AUTH_SOCK), and neither ansible_ssh_private_key_file nor IdentityFile (~/.ssh/config) names one"
                : String.join("; ", login.problems());
        return new SshFailure(Outcome.AUTH_FAILED, "cannot log in to " + target.endpoint() + ": " + why);
    }

    /** The handshake was done but the login did not finish in time: the host answers, so say what was offered. */
    private static SshFailure loginTimeout(Target target, Login login, Duration timeout, Exception cause) {
        Endpoint e = target.endpoint();
        return new SshFailure(Outcome.UNREACHABLE, "logging in to " + e.hostPort() + " as '" + e.user()
                + "' did not finish within " + Durations.spoken(timeout) + " (offered " + login.tried() + "); the host"
                + " answered SSH but was slow to check the keys: is it overloaded? many keys in the ssh-agent make each"
                + " login longer (IdentitiesOnly yes); raise the limit with connectTimeout(…)", cause);
    }

    /** sshd hangs up on a login that offered more keys than its MaxAuthTries (6 by default). */
    private static SshFailure closedDuringLogin(Target target, Login login, Exception cause) {
        Endpoint e = target.endpoint();
        return new SshFailure(Outcome.AUTH_FAILED, e.hostPort() + " closed the connection while logging in as '"
                + e.user() + "' (" + Failures.describe(cause) + ") after ops offered " + login.tried() + ". sshd does"
                + " that after MaxAuthTries refused keys (\"Too many authentication failures\"): with many keys in the"
                + " ssh-agent, name the right key (IdentityFile or ansible_ssh_private_key_file) and set IdentitiesOnly yes"
                + " in ~/.ssh/config or -o IdentitiesOnly=yes in ansible_ssh_common_args", cause);
    }

    private static SshFailure authFailed(Target target, Login login, Throwable cause) {
        Endpoint e = target.endpoint();
        String password = target.password() != null ? " and the inventory password (ansible_password)" : "";
        String problems = login.problems().isEmpty() ? "" : " (also: " + String.join("; ", login.problems()) + ")";
        return new SshFailure(Outcome.AUTH_FAILED, e.hostPort() + " refused login as '" + e.user() + "' with "
                + login.tried() + password + problems + ". Fix: install the public key on the host (ssh-copy-id -i KEY.pub -p "
                + e.port() + " " + e.user() + "@" + e.address() + "), add the key to your ssh-agent (ssh-add KEY), or point"
                + " ansible_ssh_private_key_file or IdentityFile in ~/.ssh/config at the right key, or set ansible_user", cause);
    }
}

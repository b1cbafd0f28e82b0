package dev.opsshell.remote.ssh;

import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.transport.Settings;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Opens and logs in one SSH connection (directly, or tunnelled through an already open jump host
 * connection): loads keys first (a passphrase prompt must not eat into the connect timeout), then
 * connects, verifies the host key and authenticates, all within the connect timeout. Failures come
 * out as {@link SshFailure}s whose messages say what to check.
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
        Endpoint e = target.endpoint();
        Keys.Loaded loaded = keys.load(target.keys(), e.hostPort());
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
        ScheduledFuture<?> alarm = alarms.schedule(() -> {
            expired.set(true);
            Pool.closeQuietly(client);
        }, ms, TimeUnit.MILLISECONDS);
        try {
            if (jump == null) client.connect(e.address(), e.port());
            else client.connectVia(jump.newDirectConnection(e.address(), e.port()));
            if (loaded.providers().isEmpty() && target.password() == null) throw noKeys(target, loaded);
            client.auth(e.user(), methods(loaded, target));
            return client;
        } catch (IOException | RuntimeException ex) {
            Pool.closeQuietly(client);
            if (ex instanceof SshFailure f) throw f;
            if (check.refusal() != null) throw new SshFailure(Outcome.HOST_KEY_REJECTED, check.refusal(), ex);
            if (expired.get()) throw Failures.handshakeTimeout(target, settings.connectTimeout(), ex);
            if (ex instanceof UserAuthException) throw authFailed(target, loaded, ex);
            throw Failures.connect(target, jump != null, settings.connectTimeout(), ex);
        } finally {
            alarm.cancel(false);
        }
    }

    private static List<AuthMethod> methods(Keys.Loaded loaded, Target target) {
        List<AuthMethod> methods = new ArrayList<>();
        loaded.providers().forEach(k -> methods.add(new AuthPublickey(k)));
        if (target.password() != null) methods.add(new AuthPassword(new FixedPassword(target.password())));
        return methods;
    }

    private static SshFailure noKeys(Target target, Keys.Loaded loaded) {
        String why = loaded.problems().isEmpty()
                ? "no key to offer: none of ~/.ssh/id_ed25519, id_ecdsa, id_rsa exists and neither"
                + " ansible_ssh_private_key_file nor IdentityFile (~/.ssh/config) names one"
                : String.join("; ", loaded.problems());
        return new SshFailure(Outcome.AUTH_FAILED, "cannot log in to " + target.endpoint() + ": " + why);
    }

    private static SshFailure authFailed(Target target, Keys.Loaded loaded, Exception cause) {
        Endpoint e = target.endpoint();
        String tried = loaded.files().isEmpty() ? "no keys" : "keys " + String.join(", ", loaded.files());
        String password = target.password() != null ? " and the inventory password (ansible_password)" : "";
        String problems = loaded.problems().isEmpty() ? "" : " (also: " + String.join("; ", loaded.problems()) + ")";
        return new SshFailure(Outcome.AUTH_FAILED, e.hostPort() + " refused login as '" + e.user() + "' with "
                + tried + password + problems + ". Fix: install the public key on the host (ssh-copy-id -i KEY.pub -p "
                + e.port() + " " + e.user() + "@" + e.address() + "), or point ansible_ssh_private_key_file or"
                + " IdentityFile in ~/.ssh/config at the right key (ops does not use ssh-agent), or set ansible_user", cause);
    }

    /** A password from the inventory, handed to sshj once. */
    private record FixedPassword(String password) implements PasswordFinder {
        @Override
        public char[] reqPassword(Resource<?> resource) {
            return password.toCharArray();
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }

        @Override
        public String toString() {
            return "password(****)";
        }
    }
}

package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Settings;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.remote.become.Become;
import dev.opsshell.remote.become.ShellLine;
import dev.opsshell.remote.become.Sudo;

import net.schmizz.sshj.SSHClient;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs commands and copies files over SSH (sshj), with connections pooled per user, address, port
 * and jump host and reused across commands and REPL lines until {@link #close()}:
 * <pre>{@code
 * try (var ssh = new SshTransport(session)) {
 *     Result r = ssh.exec(host, Command.of("uname -a", session.settings()), OutputSink.NONE);
 * }
 * }</pre>
 * Host keys are checked against {@link Settings#knownHosts()}; how hosts are reached follows the
 * inventory, then {@code ~/.ssh/config}, then defaults ({@link Targets}). Every problem comes back
 * as the host's result, never as an exception. Thread-safe; settings are read at each call.
 */
public final class SshTransport implements Transport {
    public static final String NAME = RemoteExec.NAME;

    private final Session session;
    private final Targets targets;
    private final Sudo sudo;
    private final Pool pool;
    private final ScheduledExecutorService alarms;
    private final Map<Path, KnownHosts> knownHosts = new ConcurrentHashMap<>();

    /** Reads {@code ~/.ssh/config}, uses the default keys in {@code ~/.ssh} and the ssh-agent at {@code SSH_AUTH_SOCK}. */
    public SshTransport(Session session) {
        this(session, SshConfig.userDefault(), Targets.defaultKeys(Path.of(System.getProperty("user.home"), ".ssh")),
                Targets.environmentAgent());
    }

    /** With an explicit ssh config and default key files, and no ssh-agent unless the config names one (IdentityAgent). */
    public SshTransport(Session session, SshConfig config, List<Path> defaultKeys) {
        this(session, config, defaultKeys, null);
    }

    /**
     * With an explicit ssh config, default key files and ssh-agent socket ({@code null}: none unless
     * the config's IdentityAgent names one); for tests, or a shell with its own config.
     */
    public SshTransport(Session session, SshConfig config, List<Path> defaultKeys, Path agentSocket) {
        this.session = session;
        this.targets = new Targets(config, defaultKeys, agentSocket);
        this.sudo = new Sudo(session::prompter);
        this.alarms = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ops-ssh-connect-timeout");
            t.setDaemon(true);
            return t;
        });
        Keys keys = new Keys(SshClients.config(), session::prompter);
        Connector connector = new Connector(SshClients.config(), keys, alarms, this::knownHosts);
        this.pool = new Pool(connector);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result exec(Host host, Command command, OutputSink sink) {
        Instant start = Instant.now();
        Settings settings = session.settings();
        Optional<String> noSudo = command.sudo() ? Become.unsupported(host) : Optional.empty();
        if (noSudo.isPresent()) return problem(host, Outcome.ERROR, noSudo.get(), start);
        try {
            Target target = targets.of(host);
            String line = ShellLine.withExports(command);
            Sudo.Plan plan = command.sudo() ? sudo.plan(host, target.endpoint().user(), line) : Sudo.Plan.plain(line);
            try {
                return runPlanned(host, target, plan, command, sink, settings, start);
            } finally {
                if (plan.input() != null) Arrays.fill(plan.input(), (byte) 0); // the sudo password
            }
        } catch (SshFailure f) {
            return problem(host, f.outcome(), f.messageFor(host), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(host, Outcome.CANCELLED, "cancelled (Ctrl-C) while waiting for a connection", start);
        } catch (RuntimeException e) {
            return problem(host, Outcome.ERROR, "ssh to " + host + " failed: " + Failures.describe(e), start);
        }
    }

    private Result runPlanned(Host host, Target target, Sudo.Plan plan, Command command, OutputSink sink,
                              Settings settings, Instant start) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try (Pool.Lease lease = pool.lease(target, settings)) {
                try {
                    SSHClient client = lease.client();
                    RemoteExec.Killer killer = pid -> kill(client, host, target, command.sudo(), pid);
                    Result r = RemoteExec.run(client, host, plan.line(), copy(plan.input()), command, plan.masked(sink),
                            start, killer);
                    return sudo.check(r, plan, target.endpoint().hostPort());
                } catch (RemoteExec.NotStarted e) {
                    pool.evict(target.endpoint(), lease.client());
                    if (lease.fresh() || attempt > 1) {
                        return problem(host, Outcome.UNREACHABLE, "could not start the command on "
                                + target.endpoint().hostPort() + ": " + Failures.describe(e), start);
                    }
                    // a pooled connection that died while idle: reconnect once and retry
                } catch (RemoteExec.ConnectionLost e) {
                    pool.evict(target.endpoint(), lease.client());
                    return problem(host, Outcome.UNREACHABLE, "the connection to " + target.endpoint().hostPort()
                            + " was lost while the command ran (" + Failures.describe(e)
                            + "); the command may or may not have finished there", start);
                }
            }
        }
    }

    /**
     * Connects to the host accepting its key if known_hosts does not have one yet (a changed key is
     * still refused); the result says whether a key was added, with its fingerprint.
     */
    public Result acceptHostKey(Host host) {
        Instant start = Instant.now();
        Settings settings = session.settings().withAcceptNewHostKeys(true);
        try {
            Target target = targets.of(host);
            KnownHosts known = knownHosts(settings);
            try (Pool.Lease lease = pool.lease(target, settings)) {
                Endpoint e = target.endpoint();
                String said = known.takeAdded(e.address(), e.port())
                        .map(fp -> "added the host key of " + host.name() + " (" + fp + ") to " + known.file())
                        .orElse("the host key of " + host.name() + " is already in " + known.file());
                return Result.exited(host, 0, said + "\n", "", false, start, NAME);
            }
        } catch (SshFailure f) {
            return problem(host, f.outcome(), f.messageFor(host), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(host, Outcome.CANCELLED, "cancelled (Ctrl-C) while connecting", start);
        } catch (RuntimeException e) {
            return problem(host, Outcome.ERROR, "ssh to " + host + " failed: " + Failures.describe(e), start);
        }
    }

    private KnownHosts knownHosts(Settings settings) {
        return knownHosts.computeIfAbsent(settings.knownHosts().toAbsolutePath(), KnownHosts::new);
    }

    @Override
    public Result upload(Host host, Path localFile, String remotePath) {
        return transfer(host, (client, start) -> SftpTransfer.upload(client, host, localFile, remotePath, start));
    }

    @Override
    public Result download(Host host, String remotePath, Path localFile) {
        return transfer(host, (client, start) -> SftpTransfer.download(client, host, remotePath, localFile, start));
    }

    private interface Copy {
        Result run(SSHClient client, Instant start) throws IOException;
    }

    private Result transfer(Host host, Copy copy) {
        Instant start = Instant.now();
        try {
            Target target = targets.of(host);
            try (Pool.Lease lease = pool.lease(target, session.settings())) {
                try {
                    return copy.run(lease.client(), start);
                } catch (IOException e) {
                    if (!Pool.alive(lease.client())) pool.evict(target.endpoint(), lease.client());
                    return problem(host, Outcome.ERROR, "file transfer with " + target.endpoint().hostPort()
                            + " failed: " + Failures.describe(e), start);
                }
            }
        } catch (SshFailure f) {
            return problem(host, f.outcome(), f.messageFor(host), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(host, Outcome.CANCELLED, "cancelled (Ctrl-C) while waiting for a connection", start);
        } catch (RuntimeException e) {
            return problem(host, Outcome.ERROR, "file transfer with " + host + " failed: " + Failures.describe(e), start);
        }
    }

    /** Root kills directly; another login kills through sudo, as the user the command ran as. */
    private void kill(SSHClient client, Host host, Target target, boolean viaSudo, long pid) {
        String line = PidMarker.killTree(pid);
        String login = target.endpoint().user();
        Sudo.Plan plan = viaSudo && !"root".equals(login) ? sudo.plan(host, login, line) : Sudo.Plan.plain(line);
        RemoteExec.runQuietly(client, plan.line(), plan.input());
    }

    /** How many SSH connections this transport has opened (pooled reuse shows as no increase). */
    public int connectionsOpened() {
        return pool.opened();
    }

    @Override
    public void close() {
        pool.close();
        alarms.shutdownNow();
    }

    private static Result problem(Host host, Outcome outcome, String message, Instant start) {
        return Result.problem(host, outcome, message, start, NAME);
    }

    private static byte[] copy(byte[] input) {
        return input == null ? null : input.clone();
    }
}

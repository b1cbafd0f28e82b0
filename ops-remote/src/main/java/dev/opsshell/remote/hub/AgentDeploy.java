package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Fanout;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.remote.Quote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Installs and starts agents over SSH as one operation: for each host it makes the agent's keypair
 * here and accepts it in the hub's key store (no pending step), copies the jar and the keys to
 * {@code ~/.ops/agent} on the host, starts the agent in the background (replacing one started
 * before), and waits until it has registered. The hub address the host dials is the address it
 * sees the SSH connection come from ({@code $SSH_CONNECTION}), unless given.
 */
public final class AgentDeploy {
    static final String DIR = ".ops/agent";
    static final String JVM_FLAGS = "-Xms8m -Xmx32m -Xss256k -XX:-UsePerfData -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"
            + " -XX:MaxMetaspaceSize=48m -XX:ReservedCodeCacheSize=16m";

    private AgentDeploy() {
    }

    /**
     * The hub an agent is deployed for: its link (to see it register), key store, public key, port,
     * and the address it listens on (null when not known, as for a standalone hub's).
     */
    public record Target(AgentLink link, KeyStore keys, String publicKey, int port, String bindAddress) {
        public static Target of(Hub hub) {
            return new Target(hub, hub.keys(), hub.publicKey(), hub.port(), hub.config().bindAddress());
        }
    }

    /** Deploys to every host over SSH; {@code hubEndpoint} null means "the address SSH came from". */
    public static Results deploy(Hosts hosts, Target hub, Path jar, String hubEndpoint, Duration wait) {
        if (!Files.isRegularFile(jar)) {
            throw new HubException("no agent jar at " + jar + "; build it with `mvn -pl ops-agent -am package`"
                    + " or set OPS_AGENT_JAR");
        }
        Session session = hosts.session();
        Transport ssh = session.transport("ssh");
        return Fanout.run("deploy agent", hosts, session.settings().forks(), session.progress(),
                host -> one(ssh, hub, host, jar, hubEndpoint, wait));
    }

    private static Result one(Transport ssh, Target hub, Host host, Path jar, String hubEndpoint, Duration wait) {
        Instant start = Instant.now();
        String name = AgentTransport.agentName(host);
        String dir = host.var("ops_agent_dir").orElse(DIR);
        Result prep = run(ssh, host, "cd && mkdir -p " + Quote.shell(dir) + " && chmod 700 " + Quote.shell(dir)
                + " && (command -v java >/dev/null || { echo 'no java on this host: install a JRE 17+,"
                + " e.g. apt-get install -y openjdk-17-jre-headless' >&2; exit 3; })"
                + " && echo \"${SSH_CONNECTION%% *}\"");
        if (!prep.ok()) return prep;
        String endpoint;
        try {
            endpoint = hubEndpoint != null ? hubEndpoint : endpointFor(hub, prep.stdout().strip(), host);
        } catch (HubException e) {
            return Result.problem(host, Outcome.ERROR, e.getMessage(), start, "ssh");
        }
        Path keys;
        try {
            keys = Files.createTempDirectory("ops-agent-keys");
        } catch (IOException e) {
            return Result.problem(host, Outcome.ERROR, "cannot make a temporary key directory: " + e.getMessage(),
                    start, "ssh");
        }
        try {
            CurveKeys agentKeys = CurveKeys.loadOrCreate(keys, "agent");
            for (String f : new String[] {"agent.key", "agent.pub"}) {
                Result up = ssh.upload(host, keys.resolve(f), dir + "/" + f);
                if (!up.ok()) return up;
            }
            Result up = ssh.upload(host, jar, dir + "/ops-agent.jar");
            if (!up.ok()) return up;
            hub.keys().allow(name, agentKeys.publicKey());
            Result started = run(ssh, host, startCommand(dir, endpoint, hub.publicKey(), name));
            if (!started.ok()) return started;
        } finally {
            deleteQuietly(keys);
        }
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            if (hub.link().agents().stream().anyMatch(a -> a.name().equals(name) && a.connected()
                    && a.since() != null && a.since().isAfter(start))) {
                return Result.exited(host, 0, "agent " + name + " registered with " + endpoint + "\n", "", false,
                        start, "ssh");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.problem(host, Outcome.CANCELLED, "cancelled while waiting for agent " + name, start, "ssh");
            }
        }
        Result log = run(ssh, host, "cd && tail -5 " + Quote.shell(dir) + "/agent.log");
        return Result.problem(host, Outcome.TIMED_OUT, "agent " + name + " started but did not register with "
                + endpoint + " within " + wait.toSeconds() + " s; can the host reach that address? its log: "
                + log.stdout().strip(), start, "ssh");
    }

    /**
     * The hub address a host dials: the one it sees this machine's SSH connection come from. A hub
     * listening on loopback only (the shell's, by default) cannot be reached that way from another
     * machine: that is refused before anything is copied, with what to set.
     */
    static String endpointFor(Target hub, String seenAddress, Host host) {
        if (hub.bindAddress() != null && loopback(hub.bindAddress()) && !loopback(seenAddress)) {
            throw new HubException("the hub listens on " + hub.bindAddress() + " (this machine only), which "
                    + host.name() + " cannot reach: it sees this machine as " + seenAddress + ". To deploy agents to"
                    + " other machines, start the shell with OPS_HUB_BIND=0.0.0.0 (or an address they can reach),"
                    + " or run a standalone hub: ops hub --bind 0.0.0.0");
        }
        return "tcp://" + seenAddress + ":" + hub.port();
    }

    private static boolean loopback(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    static String startCommand(String dir, String endpoint, String hubKey, String name) {
        String d = Quote.shell(dir);
        String pid = d + "/agent.pid";
        // only the java command goes to the background, in a session of its own, with no tie to this channel
        return "cd && chmod 600 " + d + "/agent.key || exit 1; "
                + "[ -f " + pid + " ] && kill $(cat " + pid + ") 2>/dev/null; "
                + "setsid nohup java " + JVM_FLAGS + " -jar " + d + "/ops-agent.jar --hub " + Quote.shell(endpoint)
                + " --hub-key " + Quote.shell(hubKey) + " --name " + Quote.shell(name) + " --key-dir " + d
                + " > " + d + "/agent.log 2>&1 < /dev/null & echo $! > " + pid;
    }

    private static Result run(Transport ssh, Host host, String line) {
        return ssh.exec(host, new Command(line, false, Duration.ofSeconds(60), 64 * 1024, java.util.Map.of()),
                OutputSink.NONE);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory left behind holds only a key already copied; the OS cleans /tmp
        }
    }
}

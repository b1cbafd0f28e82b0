package dev.opsshell.remote;

import dev.opsshell.agent.protocol.Message;
import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.pipeline.Operation;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Fanout;
import dev.opsshell.remote.hub.AgentDeploy;
import dev.opsshell.remote.hub.AgentHosts;
import dev.opsshell.remote.hub.AgentLink;
import dev.opsshell.remote.hub.AgentTable;
import dev.opsshell.remote.hub.AgentTransport;
import dev.opsshell.remote.hub.Hub;
import dev.opsshell.remote.hub.HubConfig;
import dev.opsshell.remote.hub.HubDaemon;
import dev.opsshell.remote.hub.KeyStore;
import dev.opsshell.remote.hub.SessionHub;

import dev.opsshell.core.result.Outcome;
import dev.opsshell.remote.hub.AgentInfo;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * The shell's words for agents, preloaded next to {@link Ops}:
 * <pre>{@code
 * agents();                                   // connected and pending agents, as a table
 * acceptAgent("web1", "SHA256:…");          // let a pending agent in, if its key is the one it logged
 * hosts("web").via(agent()).exec("uptime");   // run through agents instead of SSH
 * hosts("web").run(downgrade(exec("uptime"))); // agents where connected, SSH for the rest
 * hosts("web").run(facts()).pretty();
 * }</pre>
 * The hub starts inside the shell on first use (port {@code OPS_HUB_PORT}, default 4505, on
 * {@code 127.0.0.1} unless {@code OPS_HUB_BIND} says otherwise).
 */
public final class AgentOps {
    private AgentOps() {
    }

    /** The transport name for {@code via(agent())}. */
    public static String agent() {
        return AgentTransport.NAME;
    }

    /** The session's hub (started now if it is not running) or its link to a standalone hub. */
    public static AgentLink hub() {
        return SessionHub.of(Session.current());
    }

    /** The hub's public key, for an agent's {@code --hub-key}. */
    public static String hubKey() {
        if (hub() instanceof Hub h) return h.publicKey();
        throw new IllegalStateException("this shell uses the hub at " + hub().endpoint()
                + "; run `ops keys hub` on that machine for its key");
    }

    /** Connected, down and pending agents. */
    public static AgentTable agents() {
        AgentLink link = hub();
        List<AgentInfo> list = new ArrayList<>(link.agents());
        if (link instanceof Hub h) {
            for (KeyStore.Entry e : h.keys().list()) {
                if (e.isClient() || list.stream().anyMatch(a -> a.name().equals(e.name()))) continue;
                if (e.state() == KeyStore.State.PENDING) {
                    list.add(new AgentInfo(e.name(), "pending", e.key(), null, null, null,
                            null, Map.of()));
                }
            }
        }
        list.sort(Comparator.comparing(AgentInfo::name));
        return new AgentTable(link.endpoint(), list);
    }

    /**
     * The hosts a pattern selects among the inventory's hosts and the connected agents, in the
     * inventory's pattern language ({@code "web*:!web2"}); {@code "*"} is every connected agent.
     */
    public static Hosts agentHosts(String pattern) {
        return AgentHosts.select(pattern, Session.current().inventory(), hub().agents());
    }

    /**
     * Lets the agent whose key is filed under {@code name} in, whatever that key is; the entry it
     * returns shows the fingerprint that was accepted. Prefer {@link #acceptAgent(String, String)}.
     */
    public static KeyStore.Entry acceptAgent(String name) {
        return keyStore().accept(name);
    }

    /**
     * Lets the agent filed under {@code name} in only if its key has {@code fingerprint} (the
     * {@code SHA256:…} the agent logs on start, compared out of band); otherwise throws, saying which
     * fingerprint is filed, and accepts nothing.
     */
    public static KeyStore.Entry acceptAgent(String name, String fingerprint) {
        java.util.Objects.requireNonNull(fingerprint, "fingerprint (or call acceptAgent(name) to accept any key)");
        return keyStore().accept(name, fingerprint);
    }

    public static KeyStore.Entry rejectAgent(String name) {
        return keyStore().reject(name);
    }

    public static KeyStore.Entry deleteAgent(String name) {
        return keyStore().delete(name);
    }

    /** The in-shell hub's key store, or this machine's {@code ~/.ops/hub} (a standalone hub's). */
    static KeyStore keyStore() {
        if (hub() instanceof Hub h) return h.keys();
        String dir = System.getenv("OPS_HUB_DIR");
        return new KeyStore(dir == null ? HubConfig.defaultKeyDir() : Path.of(dir));
    }

    /**
     * Installs and starts the agent on every host over SSH and waits until each has registered:
     * keys are made here and accepted at once, the jar and keys go to {@code ~/.ops/agent} (or the
     * host's {@code ops_agent_dir}), the agent runs in the background and dials the hub at the
     * address the host sees SSH come from. The shell's own hub listens on loopback unless
     * {@code OPS_HUB_BIND} says otherwise: a host on another machine then fails with what to set.
     * Returns one result per host, over {@code ssh}.
     */
    public static Results deployAgent(Hosts hosts) {
        AgentLink link = hub();
        AgentDeploy.Target target = link instanceof Hub h ? AgentDeploy.Target.of(h)
                : new AgentDeploy.Target(link, keyStore(), HubDaemon.publicKey(keyStore().dir()),
                Integer.parseInt(link.endpoint().substring(link.endpoint().lastIndexOf(':') + 1)), null);
        return AgentDeploy.deploy(hosts, target, agentJar(), null, Duration.ofSeconds(60));
    }

    /** The agent jar to deploy: {@code OPS_AGENT_JAR}, else {@code ops-agent/target/ops-agent.jar} near this code. */
    static Path agentJar() {
        String set = System.getProperty("ops.agent.jar", System.getenv("OPS_AGENT_JAR"));
        if (set != null && !set.isBlank()) return Path.of(set);
        try {
            Path here = Path.of(AgentOps.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = here; p != null; p = p.getParent()) {
                Path candidate = p.resolve("ops-agent/target/ops-agent.jar");
                if (Files.isRegularFile(candidate)) return candidate;
            }
        } catch (java.net.URISyntaxException | SecurityException e) {
            // no usable code source: fall back to the working directory below
        }
        return Path.of("ops-agent/target/ops-agent.jar").toAbsolutePath();
    }

    // ---- operations over agents

    /** Each host's facts (os, kernel, arch, cpus, memory, addresses, …) as {@code key=value} lines. */
    public static Operation facts() {
        return agentOp("facts", Message.Facts::new, r -> lines(((Message.FactsReply) r).facts()));
    }

    /** A round trip to each host's agent; the output says how long it took. */
    public static Operation ping() {
        return agentOp("ping", id -> new Message.Ping(id, System.nanoTime()),
                r -> String.format("pong %.2f ms", (System.nanoTime() - ((Message.Pong) r).sentNanos()) / 1e6));
    }

    /** One sample of cpu, memory, load and uptime from each host's /proc. */
    public static Operation metrics() {
        return agentOp("metrics", Message.Metrics::new, r -> lines(((Message.MetricsReply) r).values()));
    }

    /**
     * Runs {@code op} through agents, then over SSH on the hosts whose agent was not connected
     * (Re-mote's downgrade); each result says which transport ran it.
     */
    public static Operation downgrade(Operation op) {
        return hosts -> {
            Instant start = Instant.now();
            Results first = op.run(hosts.via(AgentTransport.NAME));
            List<String> retry = first.list().stream()
                    .filter(r -> r.message().startsWith("agent not connected")).map(r -> r.host().name()).toList();
            if (retry.isEmpty()) return first;
            Results second = op.run(hosts.only(Set.copyOf(retry), hosts.name()).via("ssh"));
            Map<String, Result> merged = new HashMap<>();
            first.forEach(r -> merged.put(r.host().name(), r));
            second.forEach(r -> merged.put(r.host().name(), r));
            List<Result> ordered = hosts.list().stream().map(h -> merged.get(h.name()))
                    .filter(Objects::nonNull).toList();
            return new Results(first.title() + " (agent, ssh for " + retry.size() + ")", hosts, ordered,
                    Duration.between(start, Instant.now()));
        };
    }

    private static Operation agentOp(String title, LongFunction<Message.Request> request,
                                     Function<Message.Reply, String> text) {
        return hosts -> {
            Session session = hosts.session();
            AgentLink link = SessionHub.of(session);
            return Fanout.run(title, hosts, session.settings().forks(), session.progress(),
                    host -> ask(link, host, request, text));
        };
    }

    private static Result ask(AgentLink link, Host host, LongFunction<Message.Request> request,
                              Function<Message.Reply, String> text) {
        Instant start = Instant.now();
        String agent = AgentTransport.agentName(host);
        Message.Reply r = link.call(agent, request, o -> { }, Duration.ofSeconds(30)).reply().join();
        if (r instanceof Message.ErrorReply e) {
            String hint = e.code().equals("agent-not-connected")
                    ? "; deploy it with deployAgent(hosts(\"" + host.name() + "\")) or use SSH" : "";
            return Result.problem(host, e.code().equals("agent-not-connected") || e.code().equals("agent-lost")
                    ? Outcome.UNREACHABLE : Outcome.ERROR,
                    e.message() + hint, start, AgentTransport.NAME);
        }
        return Result.exited(host, 0, text.apply(r) + "\n", "", false, start, AgentTransport.NAME);
    }

    private static String lines(Map<String, ?> values) {
        return new TreeMap<>(values).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }
}

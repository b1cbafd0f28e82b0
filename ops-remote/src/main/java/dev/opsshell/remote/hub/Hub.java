package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.Codec;
import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.ErrorCode;
import dev.opsshell.agent.protocol.IoNotices;
import dev.opsshell.agent.protocol.Message;
import dev.opsshell.agent.protocol.Outbox;
import org.zeromq.ZContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The hub agents connect to: a CurveZMQ ROUTER with its own keypair, authenticating agents against
 * a {@link KeyStore}, knowing which are connected and relaying requests to them. Every request ends
 * with exactly one final reply: the agent's, or an {@link Message.ErrorReply} saying why not (agent
 * not connected, queue full, agent lost, no reply by the deadline, hub closed) — never a hang.
 * <pre>{@code
 * try (Hub hub = Hub.start(HubConfig.defaults(4505))) {
 *     Message.Reply r = hub.request("web1", id -> Message.Exec.shell(id, "uptime", 10_000, 1 << 20),
 *             Duration.ofSeconds(15));
 * }
 * }</pre>
 * Thread-safe; one internal thread owns the sockets. {@link #close()} stops it and fails what is open.
 */
public final class Hub implements AgentLink {
    private final HubConfig config;
    private final CurveKeys curveKeys;
    private final KeyStore keys;
    private final HubLog log = new HubLog(System.err::println);
    private final Admission admission;
    private final ZContext context = new ZContext(1);
    private final IoNotices ioNotices = new IoNotices();
    private final Outbox<Outgoing> outbox = new Outbox<>();
    private final Map<String, AgentInfo> agents = new ConcurrentHashMap<>();
    private final List<Consumer<AgentInfo>> downListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final HubLoop loop;
    private final Thread thread;
    final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    final AtomicLong received = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong queueFull = new AtomicLong();
    final AtomicLong late = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    volatile RuntimeException lastError;

    /** A request sent: its id (to cancel it) and its final reply. */
    public record Call(String agent, long id, CompletableFuture<Message.Reply> reply) { }

    private Hub(HubConfig config) {
        this.config = config;
        this.curveKeys = CurveKeys.loadOrCreate(config.keyDir(), "hub");
        this.keys = new KeyStore(config.keyDir(), config.maxPending());
        this.admission = new Admission(keys, log);
        context.setNotificationExceptionHandler(ioNotices); // counted in stats(), never printed
        try {
            this.loop = new HubLoop(this, context, config, outbox);
        } catch (RuntimeException e) {
            context.close();
            outbox.close();
            throw e;
        }
        this.thread = new Thread(loop, "ops-hub");
        thread.setDaemon(true);
        thread.start();
    }

    /** Binds and starts a hub; its keypair is created under {@code config.keyDir()} on first start. */
    public static Hub start(HubConfig config) {
        return new Hub(config);
    }

    public HubConfig config() {
        return config;
    }

    /** Where it listens, {@code tcp://ADDRESS:PORT} (the real port when 0 was asked for). */
    @Override
    public String endpoint() {
        return loop.endpoint;
    }

    public int port() {
        String e = endpoint();
        return Integer.parseInt(e.substring(e.lastIndexOf(':') + 1));
    }

    /** The hub's Z85 public key, which agents pin ({@code --hub-key}). */
    public String publicKey() {
        return curveKeys.publicKey();
    }

    CurveKeys curveKeys() {
        return curveKeys;
    }

    public KeyStore keys() {
        return keys;
    }

    Admission admission() {
        return admission;
    }

    /**
     * What the hub has told its operator lately (refused name takeovers, a full pending area, bad
     * names), oldest first; each line also went to standard error.
     */
    public List<String> log() {
        return log.recent();
    }

    /** Every agent seen since start (connected, down, pending), by name. */
    @Override
    public List<AgentInfo> agents() {
        List<AgentInfo> list = new ArrayList<>(agents.values());
        list.sort(Comparator.comparing(AgentInfo::name));
        return list;
    }

    public Optional<AgentInfo> agent(String name) {
        return Optional.ofNullable(agents.get(name));
    }

    @Override
    public boolean connected(String name) {
        AgentInfo a = agents.get(name);
        return a != null && a.connected();
    }

    /**
     * Sends a request to an agent. Output chunks go to {@code output} (on the hub thread: keep it
     * quick); the returned call's reply completes once, normally, with the final reply or an error.
     * An agent that is not connected fails at once; {@code deadline} bounds the wait for the rest.
     */
    @Override
    public Call call(String agent, LongFunction<Message.Request> request, Consumer<Message.Output> output,
                     Duration deadline) {
        long id = nextId();
        CompletableFuture<Message.Reply> done = new CompletableFuture<>();
        if (!connected(agent)) {
            done.complete(ErrorCode.AGENT_NOT_CONNECTED.reply(id, "agent not connected: " + agent));
            return new Call(agent, id, done);
        }
        Consumer<Message.Reply> listener = r -> {
            if (r instanceof Message.Output o) output.accept(o);
            else done.complete(r);
        };
        pending.put(id, new Pending(id, agent, System.nanoTime() + deadline.toNanos(), listener, null, -1));
        if (loop.stopping) {
            fail(id, ErrorCode.HUB_CLOSED, "the hub is closed");
        } else {
            outbox.post(new Outgoing(agent, id, Codec.encode(request.apply(id))));
        }
        return new Call(agent, id, done);
    }

    /** Sends a request and waits for its final reply (at most {@code deadline}, plus a little). */
    public Message.Reply request(String agent, LongFunction<Message.Request> request, Duration deadline) {
        return call(agent, request, o -> { }, deadline).reply().join();
    }

    /** Asks the agent to stop request {@code id}; its final reply (exit, cancelled) still comes. */
    @Override
    public void cancel(String agent, long id) {
        outbox.post(new Outgoing(agent, -1, Codec.encode(new Message.Cancel(nextId(), id))));
    }

    public HubStats stats() {
        return new HubStats(received.get(), sent.get(), malformed.get(),
                refused.get() + loop.zapRefused() + admission.badNames.get(), admission.takeovers.get(),
                admission.pendingFull.get(), queueFull.get(), late.get(), errors.get(), ioNotices.count(), pending.size());
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    void fail(long id, ErrorCode code, String message) {
        if (id < 0) return;
        Pending p = pending.remove(id);
        if (p != null) p.listener.accept(code.reply(id, message));
    }

    void failAll(ErrorCode code, String message) {
        for (Long id : List.copyOf(pending.keySet())) fail(id, code, message);
    }

    void publish(AgentInfo info) {
        agents.put(info.name(), info);
    }

    /**
     * Calls {@code listener} (on the hub thread: keep it quick) with each agent marked down after
     * missing its heartbeats; close the result to stop. Notifications publish it as an event.
     */
    public AutoCloseable onAgentDown(Consumer<AgentInfo> listener) {
        downListeners.add(listener);
        return () -> downListeners.remove(listener);
    }

    /** An agent stopped answering: tells the listeners; one that throws is logged, the hub goes on. */
    void agentDown(AgentInfo info) {
        for (Consumer<AgentInfo> l : downListeners) {
            try {
                l.accept(info);
            } catch (RuntimeException e) {
                log.warn("agent-down", "a listener for agent " + info.name() + " going down failed: " + e.getMessage());
            }
        }
    }

    void unpublish(String name, String ifState) {
        agents.computeIfPresent(name, (n, a) -> a.state().equals(ifState) ? null : a);
    }

    /** How long the hub waits for a relayed request: its own timeout plus a grace, or 10 minutes. */
    static long relayDeadlineNanos(Message.Request r) {
        long ms = r instanceof Message.Exec e && e.timeoutMillis() > 0 ? e.timeoutMillis() + 10_000 : 600_000;
        return ms * 1_000_000L;
    }

    /**
     * Stops the hub thread, fails every open request with "hub closed", and releases the port. From
     * a thread whose interrupt is set (Ctrl-C), or set while it closes, too: the interrupt is kept for
     * the caller, and the context is ended on a thread of its own (see {@link Joins}).
     */
    @Override
    public void close() {
        if (loop.stopping) return;
        loop.stopping = true;
        boolean interrupted = Thread.interrupted();
        try {
            outbox.wake();
            interrupted |= Joins.join(thread, 5_000);
            failAll(ErrorCode.HUB_CLOSED, "the hub was closed while the request was open");
            interrupted |= Joins.closeUninterrupted("ops-hub-close", () -> {
                context.close();
                outbox.close();
            });
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        long up = agents.values().stream().filter(AgentInfo::connected).count();
        return "Hub " + endpoint() + " key " + publicKey() + " (" + up + " agents connected)";
    }
}

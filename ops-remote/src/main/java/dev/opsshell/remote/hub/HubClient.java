package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.Codec;
import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.ErrorCode;
import dev.opsshell.agent.protocol.Message;
import dev.opsshell.agent.protocol.Outbox;
import dev.opsshell.agent.protocol.ProtocolException;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * A shell's link to a standalone hub ({@code ops hub}): a CurveZMQ DEALER that registers under a
 * client name ({@code @user@host}) with the shell's own keypair ({@code ~/.ops/client/client.key}),
 * which the hub must have accepted — {@code ops hub} accepts its own user's key at start, anyone
 * else's waits as pending for {@code ops keys accept @NAME}. Requests are relayed by the hub to
 * its agents and replies come back the same way; the hub enforces the deadlines and this client
 * adds its own, so a hub that dies mid-request still ends every call.
 * <pre>{@code
 * try (HubClient c = HubClient.connect("tcp://hub:4505", hubKey, HubClient.defaultKeyDir())) { c.agents(); }
 * }</pre>
 * Thread-safe; one internal thread owns the socket.
 */
public final class HubClient implements AgentLink {
    private static final long HEARTBEAT_MILLIS = 1000;

    private final String endpoint;
    private final String name;
    private final ZContext context = new ZContext(1);
    private final Outbox<byte[]> outbox = new Outbox<>();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<String> welcome = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile List<AgentInfo> agents = List.of();
    private volatile long agentsAt;

    private HubClient(String endpoint, String hubKey, CurveKeys keys, String name) {
        this.endpoint = endpoint;
        this.name = name;
        ZMQ.Socket socket = context.createSocket(SocketType.DEALER);
        socket.setCurveServerKey(ZMQ.Curve.z85Decode(CurveKeys.requireKey(hubKey, "hub key")));
        socket.setCurvePublicKey(keys.publicBytes());
        socket.setCurveSecretKey(keys.secretBytes());
        socket.setLinger(0);
        socket.setRcvHWM(0);
        socket.setSndHWM(100_000);
        socket.connect(endpoint);
        thread = new Thread(() -> loop(socket), "ops-hub-client");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Connects and waits (up to 10 s) until the hub accepts this client. A pending or silent hub
     * fails with a message saying what to do.
     */
    public static HubClient connect(String endpoint, String hubKey, Path keyDir) {
        CurveKeys keys = CurveKeys.loadOrCreate(keyDir, "client");
        HubClient c = new HubClient(endpoint, hubKey, keys, clientName());
        try {
            String status = c.welcome.get(10, TimeUnit.SECONDS);
            if (!"accepted".equals(status)) {
                throw new HubException("the hub " + endpoint + " holds this shell's key as pending; accept it there with"
                        + " `ops keys accept " + c.name + "` (key " + keys.publicKey() + ")");
            }
            return c;
        } catch (java.util.concurrent.TimeoutException e) {
            c.close();
            throw new HubException("no answer from the hub at " + endpoint + " within 10 s; check the address and that"
                    + " --hub-key is the key `ops keys hub` prints there");
        } catch (InterruptedException e) {
            c.close(); // before re-interrupting: close waits for the socket thread to let go of its socket
            Thread.currentThread().interrupt();
            throw new HubException("connecting to the hub at " + endpoint + " was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            c.close();
            throw new HubException("connecting to the hub at " + endpoint + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (HubException e) {
            c.close();
            throw e;
        }
    }

    /** This user's client keys: {@code ~/.ops/client}. */
    public static Path defaultKeyDir() {
        return Path.of(System.getProperty("user.home"), ".ops", "client");
    }

    /** {@code @user@host}: how this shell is named in the hub's key store. */
    public static String clientName() {
        String host = dev.opsshell.agent.run.HostFacts.hostname().replaceAll("[^A-Za-z0-9._-]", "-");
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "-");
        return "@" + user + "@" + host;
    }

    private void loop(ZMQ.Socket socket) {
        try (ZMQ.Poller poller = context.createPoller(2)) {
            int s = poller.register(socket, ZMQ.Poller.POLLIN);
            int o = poller.register(outbox.channel(), ZMQ.Poller.POLLIN);
            socket.send(Codec.encode(new Message.Register(name, "0.1.0", Map.of("role", "client"), HEARTBEAT_MILLIS)),
                    ZMQ.DONTWAIT);
            long lastHeard = System.currentTimeMillis();
            long nextBeat = lastHeard + HEARTBEAT_MILLIS;
            long beat = 0;
            while (!stopping) {
                poller.poll(100);
                if (poller.pollin(o)) {
                    for (byte[] f; (f = outbox.drain()) != null; ) socket.send(f, ZMQ.DONTWAIT);
                }
                if (poller.pollin(s)) {
                    for (byte[] f; (f = socket.recv(ZMQ.DONTWAIT)) != null; ) {
                        lastHeard = System.currentTimeMillis();
                        receive(socket, f);
                    }
                }
                long now = System.currentTimeMillis();
                if (now >= nextBeat) {
                    socket.send(Codec.encode(new Message.Heartbeat(++beat)), ZMQ.DONTWAIT);
                    nextBeat = now + HEARTBEAT_MILLIS;
                }
                sweep(now - lastHeard > 4 * HEARTBEAT_MILLIS);
            }
        } finally {
            failAll(ErrorCode.HUB_CLOSED, "the link to the hub at " + endpoint + " was closed");
            context.destroySocket(socket);
        }
    }

    private void receive(ZMQ.Socket socket, byte[] frame) {
        Message m;
        try {
            m = Codec.decode(frame);
        } catch (ProtocolException e) {
            return; // a frame from a newer hub this client does not know: nothing waits for it
        }
        if (m instanceof Message.Welcome w) {
            welcome.complete(w.status());
        } else if (m instanceof Message.HeartbeatAck ack && !ack.registered()) {
            socket.send(Codec.encode(new Message.Register(name, "0.1.0", Map.of("role", "client"), HEARTBEAT_MILLIS)),
                    ZMQ.DONTWAIT);
        } else if (m instanceof Message.Relayed r) {
            deliver(r.reply());
        } else if (m instanceof Message.AgentList l) {
            deliver(l);
        }
    }

    private void deliver(Message.Reply reply) {
        Pending p = reply.isFinal() ? pending.remove(reply.id()) : pending.get(reply.id());
        if (p != null) p.listener.accept(reply);
    }

    private void sweep(boolean hubSilent) {
        long now = System.nanoTime();
        for (Pending p : List.copyOf(pending.values())) {
            if ((hubSilent || now - p.deadlineNanos > 0) && pending.remove(p.id, p)) {
                p.listener.accept(hubSilent
                        ? ErrorCode.AGENT_LOST.reply(p.id, "the hub at " + endpoint + " stopped answering")
                        : ErrorCode.NO_REPLY.reply(p.id, "no reply through the hub at " + endpoint + " in time"));
            }
        }
    }

    private void failAll(ErrorCode code, String message) {
        for (Long id : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p != null) p.listener.accept(code.reply(id, message));
        }
    }

    @Override
    public Hub.Call call(String agent, LongFunction<Message.Request> request, Consumer<Message.Output> output,
                         Duration deadline) {
        long id = ids.incrementAndGet();
        CompletableFuture<Message.Reply> done = new CompletableFuture<>();
        Consumer<Message.Reply> listener = r -> {
            if (r instanceof Message.Output o) output.accept(o);
            else done.complete(r);
        };
        long slack = Duration.ofSeconds(15).toNanos();
        pending.put(id, new Pending(id, agent, System.nanoTime() + deadline.toNanos() + slack, listener, null, -1));
        outbox.post(Codec.encode(new Message.Relay(agent, request.apply(id))));
        if (stopping) failAll(ErrorCode.HUB_CLOSED, "the link to the hub is closed");
        return new Hub.Call(agent, id, done);
    }

    @Override
    public void cancel(String agent, long id) {
        outbox.post(Codec.encode(new Message.Relay(agent, new Message.Cancel(ids.incrementAndGet(), id))));
    }

    /** The hub's agents, fetched now. */
    @Override
    public List<AgentInfo> agents() {
        long id = ids.incrementAndGet();
        CompletableFuture<Message.Reply> done = new CompletableFuture<>();
        pending.put(id, new Pending(id, "", System.nanoTime() + Duration.ofSeconds(10).toNanos(), done::complete,
                null, -1));
        outbox.post(Codec.encode(new Message.ListAgents(id)));
        if (stopping) failAll(ErrorCode.HUB_CLOSED, "the link to the hub at " + endpoint + " is closed");
        Message.Reply r = done.join();
        if (!(r instanceof Message.AgentList list)) {
            throw new HubException("cannot list agents through the hub at " + endpoint + ": " + r);
        }
        List<AgentInfo> out = new ArrayList<>();
        list.agents().forEach(row -> out.add(AgentRows.info(row)));
        agents = List.copyOf(out);
        agentsAt = System.nanoTime();
        return agents;
    }

    /** From the agent list fetched within the last second (fetched again when older). */
    @Override
    public boolean connected(String agent) {
        if (System.nanoTime() - agentsAt > 1_000_000_000L) agents();
        return agents.stream().anyMatch(a -> a.name().equals(agent) && a.connected());
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (stopping) return;
        stopping = true;
        outbox.wake();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
        outbox.close();
    }

    @Override
    public String toString() {
        return "HubClient " + name + " -> " + endpoint;
    }
}

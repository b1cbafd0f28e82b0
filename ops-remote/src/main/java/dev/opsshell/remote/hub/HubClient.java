package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.Codec;
import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.ErrorCode;
import dev.opsshell.agent.protocol.IoNotices;
import dev.opsshell.agent.protocol.Message;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * Thread-safe; one internal thread owns the socket ({@link ClientLink}), which also reconnects with a
 * new socket when the hub stops answering and registers again when a restarted hub has forgotten it.
 */
public final class HubClient implements AgentLink {
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(10);

    private final String endpoint;
    private final String name;
    private final ZContext context = new ZContext(1);
    private final IoNotices ioNotices = new IoNotices();
    private final ClientLink link;
    private final AtomicLong ids = new AtomicLong();
    private final Thread thread;
    private volatile List<AgentInfo> agents = List.of();
    private volatile long agentsAt;

    private HubClient(String endpoint, String hubKey, CurveKeys keys, String name) {
        this.endpoint = endpoint;
        this.name = name;
        byte[] server = ZMQ.Curve.z85Decode(CurveKeys.requireKey(hubKey, "hub key"));
        context.setNotificationExceptionHandler(ioNotices); // see toString(); never printed on the terminal
        this.link = new ClientLink(endpoint, server, keys, name, context);
        thread = new Thread(link, "ops-hub-client");
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
            String status = c.link.welcome.get(CONNECT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!"accepted".equals(status)) {
                throw new HubException("the hub " + endpoint + " holds this shell's key as pending; accept it there with"
                        + " `ops keys accept " + c.name + "` (key " + keys.publicKey() + ")");
            }
            return c;
        } catch (java.util.concurrent.TimeoutException e) {
            c.close();
            throw new HubException("no answer from the hub at " + endpoint + " within " + CONNECT_LIMIT.toSeconds()
                    + " s; check the address and that --hub-key is the key `ops keys hub` prints there");
        } catch (InterruptedException e) {
            c.close(); // before re-interrupting: close waits for the socket thread to let go of its socket
            Thread.currentThread().interrupt();
            throw new HubException("connecting to the hub at " + endpoint + " was interrupted", e);
        } catch (ExecutionException e) {
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
        link.pending.put(id, new Pending(id, agent, System.nanoTime() + deadline.toNanos() + slack, listener, null, -1));
        link.send(id, Codec.encode(new Message.Relay(agent, request.apply(id))));
        if (link.stopping) link.failAll(ErrorCode.HUB_CLOSED, "the link to the hub is closed");
        return new Hub.Call(agent, id, done);
    }

    @Override
    public void cancel(String agent, long id) {
        link.send(-1, Codec.encode(new Message.Relay(agent, new Message.Cancel(ids.incrementAndGet(), id))));
    }

    /** The hub's agents, fetched now. An interrupt (Ctrl-C) ends the wait with a HubException. */
    @Override
    public List<AgentInfo> agents() {
        long id = ids.incrementAndGet();
        CompletableFuture<Message.Reply> done = new CompletableFuture<>();
        link.pending.put(id, new Pending(id, "", System.nanoTime() + CONNECT_LIMIT.toNanos(), done::complete, null, -1));
        link.send(id, Codec.encode(new Message.ListAgents(id)));
        if (link.stopping) link.failAll(ErrorCode.HUB_CLOSED, "the link to the hub at " + endpoint + " is closed");
        Message.Reply r;
        try {
            r = done.get();
        } catch (InterruptedException e) {
            link.abandon(id);
            Thread.currentThread().interrupt();
            throw new HubException("listing the agents of the hub at " + endpoint + " was interrupted", e);
        } catch (ExecutionException e) {
            throw new HubException("cannot list agents through the hub at " + endpoint + ": " + e.getCause(), e);
        }
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
        if (link.stopping) return;
        link.stopping = true;
        boolean interrupted = Thread.interrupted(); // a Ctrl-C'd caller still waits for the socket thread
        try {
            link.outbox.wake();
            interrupted |= Joins.join(thread, 5_000);
            interrupted |= Joins.closeUninterrupted("ops-hub-client-close", () -> {
                context.close();
                link.outbox.close();
            });
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        long notices = ioNotices.count();
        return "HubClient " + name + " -> " + endpoint + (notices == 0 ? ""
                : " (" + notices + " I/O notices, the last " + ioNotices.last() + ")");
    }
}

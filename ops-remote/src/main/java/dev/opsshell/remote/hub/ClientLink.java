package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.Codec;
import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.ErrorCode;
import dev.opsshell.agent.protocol.JeromqPatch;
import dev.opsshell.agent.protocol.Message;
import dev.opsshell.agent.protocol.Outbox;
import dev.opsshell.agent.protocol.ProtocolException;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The socket thread of a {@link HubClient}: the only code that touches its DEALER. It registers,
 * beats, hands replies to their {@link Pending} request, and keeps the link alive:
 * <ul>
 * <li>no welcome within four beats (doubling on each try, up to 30 s): the socket is dropped and a
 * new one connects. jeromq 0.6.0 gives the CURVE/ZAP part of a handshake no timeout of its own; the
 * ZMTP greeting before it has {@link JeromqPatch#HANDSHAKE_MILLIS}. The wait is not shorter because
 * a new socket starts the CURVE handshake over: on a loaded machine a cold JVM's first handshake
 * alone took 2.3 s, and a 1 s wait made it fail instead;</li>
 * <li>the hub silent for four beats: open requests fail ({@code agent-lost}) and a new socket
 * connects;</li>
 * <li>the hub answers {@code not-registered} (it restarted): register again and resend, as the
 * hub did nothing with the request.</li>
 * </ul>
 */
final class ClientLink implements Runnable {
    static final long HEARTBEAT_MILLIS = 1000;
    private static final long FIRST_WAIT_MILLIS = 4 * HEARTBEAT_MILLIS;
    private static final long MAX_WAIT_MILLIS = 30_000;
    private static final int MAX_RESENDS = 3;

    /** A frame for the socket thread; {@code id} is its request's, or -1 for a cancel (flushed at close). */
    record Frame(long id, byte[] bytes) { }

    private final String endpoint;
    private final byte[] hubKey;
    private final CurveKeys keys;
    private final String name;
    private final ZContext context;
    final Outbox<Frame> outbox = new Outbox<>();
    final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Long, Frame> unanswered = new ConcurrentHashMap<>();
    private final Map<Long, Integer> resends = new ConcurrentHashMap<>();
    final CompletableFuture<String> welcome = new CompletableFuture<>();
    volatile boolean stopping;
    private ZMQ.Socket socket;
    private long openedAt;
    private long welcomeWait = FIRST_WAIT_MILLIS;
    private boolean welcomed;
    private long lastHeard;
    private long beat;

    ClientLink(String endpoint, byte[] hubKey, CurveKeys keys, String name, ZContext context) {
        this.endpoint = endpoint;
        this.hubKey = hubKey;
        this.keys = keys;
        this.name = name;
        this.context = context;
    }

    /** Queues a request's frame; it is kept until its final reply, to be resent if the hub forgot this client. */
    void send(long id, byte[] frame) {
        Frame f = new Frame(id, frame);
        if (id >= 0) unanswered.put(id, f);
        outbox.post(f);
    }

    /** Gives up on request {@code id} (its caller stopped waiting): no reply or resend is kept for it. */
    void abandon(long id) {
        pending.remove(id);
        forget(id);
    }

    @Override
    public void run() {
        try (ZMQ.Poller poller = context.createPoller(2)) {
            int box = poller.register(outbox.channel(), ZMQ.Poller.POLLIN);
            int sock = open(poller);
            long nextBeat = System.currentTimeMillis() + HEARTBEAT_MILLIS;
            while (!stopping) {
                poller.poll(100);
                if (poller.pollin(box) || outbox.size() > 0) { // the size too: a wake-up may have been lost
                    for (Frame f; (f = outbox.drain()) != null; ) socket.send(f.bytes(), ZMQ.DONTWAIT);
                }
                if (poller.pollin(sock)) {
                    for (byte[] f; (f = socket.recv(ZMQ.DONTWAIT)) != null; ) {
                        lastHeard = System.currentTimeMillis();
                        receive(f);
                    }
                }
                long now = System.currentTimeMillis();
                if (now >= nextBeat) {
                    socket.send(Codec.encode(new Message.Heartbeat(++beat)), ZMQ.DONTWAIT);
                    nextBeat = now + HEARTBEAT_MILLIS;
                }
                boolean silent = welcomed && now - lastHeard > 4 * HEARTBEAT_MILLIS;
                sweep(silent);
                if (silent || (!welcomed && now - openedAt > welcomeWait)) {
                    if (!welcomed) welcomeWait = Math.min(MAX_WAIT_MILLIS, 2 * welcomeWait);
                    poller.unregister(socket);
                    context.destroySocket(socket);
                    sock = open(poller);
                }
            }
        } finally {
            failAll(ErrorCode.HUB_CLOSED, "the link to the hub at " + endpoint + " was closed");
            flushCancels();
            context.destroySocket(socket);
        }
    }

    /** A new socket, connected and registering; returns its poller index. */
    private int open(ZMQ.Poller poller) {
        socket = context.createSocket(SocketType.DEALER);
        socket.setCurveServerKey(hubKey);
        socket.setCurvePublicKey(keys.publicBytes());
        socket.setCurveSecretKey(keys.secretBytes());
        socket.setHandshakeIvl(JeromqPatch.HANDSHAKE_MILLIS); // see there: jeromq#1022
        socket.setLinger(0);
        socket.setRcvHWM(0);
        socket.setSndHWM(100_000);
        socket.connect(endpoint);
        register();
        openedAt = System.currentTimeMillis();
        lastHeard = openedAt;
        welcomed = false;
        return poller.register(socket, ZMQ.Poller.POLLIN);
    }

    private void register() {
        socket.send(Codec.encode(new Message.Register(name, "0.1.0", Map.of("role", "client"), HEARTBEAT_MILLIS)),
                ZMQ.DONTWAIT);
    }

    private void receive(byte[] frame) {
        Message m;
        try {
            m = Codec.decode(frame);
        } catch (ProtocolException e) {
            return; // a frame from a newer hub this client does not know: nothing waits for it
        }
        if (m instanceof Message.Welcome w) {
            welcomed = true;
            welcomeWait = FIRST_WAIT_MILLIS;
            welcome.complete(w.status());
        } else if (m instanceof Message.HeartbeatAck ack && !ack.registered()) {
            register();
        } else if (m instanceof Message.Relayed r) {
            deliver(r.reply());
        } else if (m instanceof Message.Reply r) {
            deliver(r); // an agent list, or the hub's own error for a request it did not take
        }
    }

    private void deliver(Message.Reply reply) {
        if (reply instanceof Message.ErrorReply e && e.code().equals(ErrorCode.NOT_REGISTERED.wire())
                && resend(reply.id())) {
            return;
        }
        Pending p = reply.isFinal() ? pending.remove(reply.id()) : pending.get(reply.id());
        if (reply.isFinal()) forget(reply.id());
        if (p != null) p.listener.accept(reply);
    }

    /** Registers again and resends a request the hub did not take; false once it was resent enough. */
    private boolean resend(long id) {
        Frame f = unanswered.get(id);
        int n = resends.merge(id, 1, Integer::sum);
        if (f == null || n > MAX_RESENDS) return false;
        register();
        socket.send(f.bytes(), ZMQ.DONTWAIT);
        return true;
    }

    private void forget(long id) {
        unanswered.remove(id);
        resends.remove(id);
    }

    private void sweep(boolean hubSilent) {
        long now = System.nanoTime();
        for (Pending p : List.copyOf(pending.values())) {
            if ((hubSilent || now - p.deadlineNanos > 0) && pending.remove(p.id, p)) {
                forget(p.id);
                p.listener.accept(hubSilent
                        ? ErrorCode.AGENT_LOST.reply(p.id, "the hub at " + endpoint + " stopped answering")
                        : ErrorCode.NO_REPLY.reply(p.id, "no reply through the hub at " + endpoint + " in time"));
            }
        }
    }

    void failAll(ErrorCode code, String message) {
        for (Long id : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(id);
            forget(id);
            if (p != null) p.listener.accept(code.reply(id, message));
        }
    }

    /** Cancels asked for just before close still leave (within half a second), so a Ctrl-C reaches the agent. */
    private void flushCancels() {
        boolean sent = false;
        for (Frame f; (f = outbox.drain()) != null; ) {
            if (f.id() < 0) sent |= socket.send(f.bytes(), ZMQ.DONTWAIT);
        }
        if (sent) context.setLinger(500); // destroySocket applies the context's linger
    }
}

package dev.opsshell.agent;

import dev.opsshell.agent.protocol.Codec;
import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.JeromqPatch;
import dev.opsshell.agent.protocol.KeyFingerprint;
import dev.opsshell.agent.protocol.Message;
import dev.opsshell.agent.protocol.Outbox;
import dev.opsshell.agent.protocol.ProtocolException;
import dev.opsshell.agent.run.HostFacts;
import dev.opsshell.agent.run.Requests;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The agent: a DEALER socket that connects out to the hub's ROUTER over CurveZMQ (pinning the hub's
 * public key), registers with its name and facts, beats every {@code heartbeatMillis}, and runs
 * what the hub asks through {@link Requests}. When the hub stops answering for three beats it drops
 * the socket and connects again after an exponential backoff with jitter, so a thousand agents do
 * not all return at the same instant after a hub restart.
 *
 * <p>One thread ({@link #run()}) owns the socket; request threads hand replies over an {@link Outbox}.
 * <pre>{@code
 * try (Agent agent = new Agent(config, CurveKeys.loadOrCreate(dir, "agent"))) { agent.run(); }
 * }</pre>
 */
public final class Agent implements AutoCloseable {
    public static final String VERSION = "0.1.0";
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    /** Frames larger than this from the hub are refused by ZeroMQ (a file chunk is 1 MiB). */
    public static final long MAX_MESSAGE_BYTES = 16L * 1024 * 1024;

    private final AgentConfig config;
    private final CurveKeys keys;
    private final Consumer<String> log;
    private final ZContext context;
    private final boolean ownContext;
    private final Outbox<byte[]> outbox = new Outbox<>();
    private final Requests requests;
    private volatile boolean stopping;
    private volatile String status = "starting";
    private long beat;
    private Thread thread;

    public Agent(AgentConfig config, CurveKeys keys, Consumer<String> log) {
        this(config, keys, log, null);
    }

    /** An agent on a shared context (many agents in one JVM, for benchmarks); its socket is its own. */
    public Agent(AgentConfig config, CurveKeys keys, Consumer<String> log, ZContext shared) {
        this.config = config;
        this.keys = keys;
        this.log = log;
        this.ownContext = shared == null;
        this.context = shared == null ? new ZContext(1) : shared;
        if (ownContext) {
            // one line instead of jeromq's stack trace when its I/O thread hits a closed pipe on reconnect
            context.setNotificationExceptionHandler((t, e) -> log.accept("zeromq " + t.getName() + ": " + e));
            context.setUncaughtExceptionHandler((t, e) -> log.accept("zeromq " + t.getName() + " failed: " + e));
        }
        this.requests = new Requests(config.maxRequests(), VERSION, m -> outbox.post(Codec.encode(m)));
    }

    /** Runs {@link #run()} on a thread of its own; {@link #close()} stops and joins it. */
    public synchronized Agent start() {
        if (thread == null) {
            thread = new Thread(null, this::run, "ops-agent-" + config.name(), 512 * 1024);
            thread.start();
        }
        return this;
    }

    /** Connects and serves until {@link #stop()}; reconnects on its own. */
    public void run() {
        int attempt = 0;
        while (!stopping) {
            boolean heard;
            try {
                heard = session();
            } catch (RuntimeException e) {
                // the socket could not be made or used (out of file descriptors, say): retry after the backoff
                log.accept("connection to hub " + config.hub() + " failed: " + e);
                heard = false;
            }
            if (stopping) break;
            attempt = heard ? 1 : attempt + 1;
            long backoff = Math.min(MAX_BACKOFF_MILLIS, 500L << Math.min(attempt, 16));
            long sleep = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
            status = "reconnecting in " + sleep + " ms";
            log.accept("hub " + config.hub() + " silent for " + silenceLimit() + " ms; " + status);
            pause(sleep);
        }
        status = "stopped";
    }

    /** One connection: returns when the hub has been silent for three beats (true if it answered at all). */
    private boolean session() {
        ZMQ.Socket socket = context.createSocket(SocketType.DEALER);
        try (ZMQ.Poller poller = context.createPoller(2)) {
            configure(socket);
            socket.connect(config.hub());
            // ZMQ_IMMEDIATE: the socket becomes writable once the handshake is done, and the register
            // goes out then (POLLOUT), not at the first heartbeat: the hub's first answer comes at once
            int sock = poller.register(socket, ZMQ.Poller.POLLIN | ZMQ.Poller.POLLOUT);
            int box = poller.register(outbox.channel(), ZMQ.Poller.POLLIN);
            boolean registerSent = false;
            status = "connecting";
            long lastHeard = System.currentTimeMillis();
            long nextBeat = lastHeard + jitter(config.heartbeatMillis());
            boolean heardAny = false;
            while (!stopping) {
                long now = System.currentTimeMillis();
                if (now >= nextBeat) {
                    send(socket, Codec.encode(new Message.Heartbeat(++beat)));
                    nextBeat = now + config.heartbeatMillis();
                }
                poller.poll(Math.max(1, nextBeat - now));
                if (!registerSent && poller.pollout(sock) && socket.send(register(), ZMQ.DONTWAIT)) {
                    registerSent = true;
                    poller.unregister(socket);
                    sock = poller.register(socket, ZMQ.Poller.POLLIN);
                }
                if (poller.pollin(box) || outbox.size() > 0) { // the size too: a wake-up may have been lost
                    for (byte[] frame; (frame = outbox.drain()) != null; ) send(socket, frame);
                }
                if (poller.pollin(sock)) {
                    for (byte[] frame; (frame = socket.recv(ZMQ.DONTWAIT)) != null; ) {
                        lastHeard = System.currentTimeMillis();
                        heardAny = true;
                        receive(socket, frame);
                    }
                }
                if (System.currentTimeMillis() - lastHeard > silenceLimit()) return heardAny;
            }
            return heardAny;
        } finally {
            context.destroySocket(socket);
        }
    }

    /** Three missed beats plus at least a second of slack for a busy machine. */
    private long silenceLimit() {
        return 3 * config.heartbeatMillis() + Math.max(1000, config.heartbeatMillis());
    }

    private void configure(ZMQ.Socket socket) {
        socket.setCurveServerKey(ZMQ.Curve.z85Decode(config.hubKey()));
        socket.setCurvePublicKey(keys.publicBytes());
        socket.setCurveSecretKey(keys.secretBytes());
        socket.setLinger(0);
        socket.setSndHWM(10_000);
        socket.setRcvHWM(0); // never throttle inbound: see jeromq issue #1009 (CURVE under backpressure)
        socket.setMaxMsgSize(MAX_MESSAGE_BYTES);
        socket.setImmediate(true);
        socket.setHandshakeIvl(JeromqPatch.HANDSHAKE_MILLIS); // see there: jeromq#1022
        socket.setReconnectIVL(500 + ThreadLocalRandom.current().nextInt(1000));
        socket.setReconnectIVLMax(MAX_BACKOFF_MILLIS);
    }

    private void receive(ZMQ.Socket socket, byte[] frame) {
        Message m;
        try {
            m = Codec.decode(frame);
        } catch (ProtocolException e) {
            if (e.id() >= 0) send(socket, Codec.encode(e.code().reply(e.id(), e.getMessage())));
            return;
        }
        if (m instanceof Message.Ping p) {
            send(socket, Codec.encode(new Message.Pong(p.id(), p.sentNanos()))); // on the socket thread: no hand-over
        } else if (m instanceof Message.Request r) {
            requests.handle(r);
        } else if (m instanceof Message.Welcome w) {
            if (!w.status().equals(status)) log.accept("hub " + config.hub() + " says " + w.status()
                    + (w.status().equals("pending") ? ": accept this agent's key there with `ops keys accept "
                    + w.name() + " --fingerprint " + KeyFingerprint.of(keys.publicKey()) + "`" : ""));
            status = w.status();
        } else if (m instanceof Message.HeartbeatAck ack && !ack.registered()) {
            send(socket, register());
        }
    }

    private byte[] register() {
        return Codec.encode(new Message.Register(config.name(), VERSION, HostFacts.facts(VERSION),
                config.heartbeatMillis()));
    }

    /** Sends without blocking; with no hub connected the frame is dropped (the hub fails that request itself). */
    private static void send(ZMQ.Socket socket, byte[] frame) {
        socket.send(frame, ZMQ.DONTWAIT);
    }

    private static long jitter(long millis) {
        return 1 + ThreadLocalRandom.current().nextLong(Math.max(1, millis));
    }

    private void pause(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (!stopping && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }

    /** connecting, accepted, pending, reconnecting in … ms, or stopped. */
    public String status() {
        return status;
    }

    public String publicKey() {
        return keys.publicKey();
    }

    /** Stops the loop (from any thread), kills running requests, and waits for nothing. */
    public void stop() {
        stopping = true;
        outbox.wake();
    }

    /** Stops, waits for the socket thread to let go of its socket, then releases the context and threads. */
    @Override
    public void close() {
        stop();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        requests.close();
        if (ownContext) context.close();
        outbox.close();
    }
}

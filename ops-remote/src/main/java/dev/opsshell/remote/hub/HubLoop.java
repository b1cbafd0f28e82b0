package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.Codec;
import dev.opsshell.agent.protocol.ErrorCode;
import dev.opsshell.agent.protocol.Message;
import dev.opsshell.agent.protocol.Outbox;
import dev.opsshell.agent.protocol.ProtocolException;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.Msg;
import zmq.ZError;
import zmq.io.Metadata;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The hub thread: the only code that touches the ROUTER and the ZAP socket. It polls both and the
 * {@link Outbox} of frames other threads want sent, routes replies to their {@link Pending}
 * requests, and every 100 ms marks silent agents down and fails requests past their deadline.
 */
final class HubLoop implements Runnable {
    private static final long SWEEP_NANOS = 100_000_000L;

    private final Hub hub;
    private final ZContext context;
    private final ZMQ.Socket router;
    private final ZMQ.Socket zap;
    private final ZapHandler zapHandler;
    private final Outbox<Outgoing> outbox;
    private final Map<String, Connection> byRouting = new HashMap<>();
    private final Map<String, Connection> byName = new HashMap<>();
    private final Routing routing;
    final String endpoint;
    volatile boolean stopping;

    HubLoop(Hub hub, ZContext context, HubConfig config, Outbox<Outgoing> outbox) {
        this.hub = hub;
        this.context = context;
        this.outbox = outbox;
        this.zapHandler = new ZapHandler(hub.admission());
        zap = context.createSocket(SocketType.REP);
        zap.setLinger(0);
        zap.bind(ZapHandler.ENDPOINT);
        router = context.createSocket(SocketType.ROUTER);
        router.setLinger(0);
        router.setCurveServer(true);
        router.setCurvePublicKey(hub.curveKeys().publicBytes());
        router.setCurveSecretKey(hub.curveKeys().secretBytes());
        router.setZAPDomain("ops");
        router.setRouterMandatory(true);
        router.setSndHWM(config.highWaterMark());
        // inbound is never throttled: jeromq 0.6 can break a CURVE connection under receive-side
        // backpressure (jeromq issue #1009), and the hub thread reads as fast as frames arrive
        router.setRcvHWM(0);
        router.setMaxMsgSize(config.maxMessageBytes());
        try {
            router.bind("tcp://" + config.bindAddress() + ":" + (config.port() == 0 ? "*" : config.port()));
        } catch (ZMQException e) {
            context.destroySocket(router);
            context.destroySocket(zap);
            throw new HubException("the hub cannot listen on " + config.bindAddress() + ":" + config.port() + ": "
                    + e.getMessage() + "; choose another port (OPS_HUB_PORT, --port) or stop what uses it", e);
        }
        endpoint = router.getLastEndpoint();
        routing = new Routing(hub, router, byRouting, byName);
    }

    @Override
    public void run() {
        try (ZMQ.Poller poller = context.createPoller(3)) {
            int r = poller.register(router, ZMQ.Poller.POLLIN);
            int z = poller.register(zap, ZMQ.Poller.POLLIN);
            int o = poller.register(outbox.channel(), ZMQ.Poller.POLLIN);
            long nextSweep = System.nanoTime() + SWEEP_NANOS;
            while (!stopping) {
                try {
                    poller.poll(100);
                    if (poller.pollin(z)) {
                        while ((zap.getEvents() & ZMQ.Poller.POLLIN) != 0) zapHandler.answer(zap);
                    }
                    if (poller.pollin(r)) receiveAll();
                    if (poller.pollin(o) || outbox.size() > 0) sendSome();
                    if (System.nanoTime() >= nextSweep) {
                        receiveAll(); // what has arrived counts as heard before anyone is marked down
                        routing.sweep();
                        nextSweep = System.nanoTime() + SWEEP_NANOS;
                    }
                } catch (RuntimeException e) {
                    hub.errors.incrementAndGet();
                    hub.lastError = e;
                }
            }
        } finally {
            hub.failAll(ErrorCode.HUB_CLOSED, "the hub was closed while the request was open");
            context.destroySocket(router);
            context.destroySocket(zap);
        }
    }

    /** Sends up to 1000 queued frames, then lets the loop read again, so replies are never starved. */
    private void sendSome() {
        Outgoing out;
        for (int i = 0; i < 1000 && (out = outbox.drain()) != null; i++) routing.toAgent(out);
    }

    private void receiveAll() {
        for (int i = 0; i < 10_000; i++) {
            Msg id = router.recvMsg(ZMQ.DONTWAIT);
            if (id == null) return;
            if (!id.hasMore()) {
                hub.malformed.incrementAndGet();
                continue;
            }
            Msg payload = router.recvMsg(ZMQ.DONTWAIT);
            if (payload == null) return;
            if (payload.hasMore()) {
                while (router.hasReceiveMore()) router.recvMsg(ZMQ.DONTWAIT);
                hub.malformed.incrementAndGet();
                continue;
            }
            hub.received.incrementAndGet();
            Metadata meta = payload.getMetadata();
            String key = meta == null ? null : meta.get(Metadata.USER_ID);
            String address = meta == null ? null : meta.get(Metadata.PEER_ADDRESS);
            Message message;
            try {
                message = Codec.decode(payload.data());
            } catch (ProtocolException e) {
                hub.malformed.incrementAndGet();
                continue;
            }
            routing.fromPeer(new String(id.data(), StandardCharsets.ISO_8859_1), key, address, message);
        }
    }

    /** Refused handshakes (rejected keys, non-CURVE peers); read from other threads only for stats. */
    long zapRefused() {
        return zapHandler.refused();
    }
}

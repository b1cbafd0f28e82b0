package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.Codec;
import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.Message;
import dev.opsshell.agent.protocol.ProtocolException;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.time.Duration;
import java.util.Map;

/**
 * A CURVE client written by hand, saying whatever a test wants (any name, facts, version) with any
 * key: what an attacker who knows the hub's public key can send. Each instance is one fresh socket.
 */
final class RawPeer implements AutoCloseable {
    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket socket;
    final CurveKeys keys;

    RawPeer(Hub hub, CurveKeys keys) {
        this.keys = keys;
        socket = context.createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setCurveServerKey(ZMQ.Curve.z85Decode(hub.publicKey()));
        socket.setCurvePublicKey(keys.publicBytes());
        socket.setCurveSecretKey(keys.secretBytes());
        // a connect that jeromq 0.6.0 leaves without a greeting is retried by the handshake timer (jeromq#1022)
        socket.setHandshakeIvl(2_000);
        socket.connect(hub.endpoint());
    }

    void register(String name, String version, Map<String, String> facts) {
        send(new Message.Register(name, version, facts, 1000));
    }

    void send(Message m) {
        socket.send(Codec.encode(m), ZMQ.DONTWAIT);
    }

    /**
     * Registers once and waits for the hub's welcome; null if none came within {@code limit}. One
     * register is enough even when the handshake is slow: the socket queues it until it is connected
     * (a test that sent more could see a late one reach the hub after it has counted frames).
     */
    Message.Welcome registerUntilWelcomed(String name, Duration limit) throws ProtocolException {
        long end = System.nanoTime() + limit.toNanos();
        register(name, "0", Map.of());
        while (System.nanoTime() < end) {
            socket.setReceiveTimeOut((int) Math.max(1, (end - System.nanoTime()) / 1_000_000));
            byte[] frame = socket.recv();
            if (frame != null && Codec.decode(frame) instanceof Message.Welcome w) return w;
        }
        return null;
    }

    /** The next frame within {@code wait}, decoded, or null if none came. */
    Message next(Duration wait) throws ProtocolException {
        socket.setReceiveTimeOut((int) wait.toMillis());
        byte[] frame = socket.recv();
        return frame == null ? null : Codec.decode(frame);
    }

    @Override
    public void close() {
        context.close();
    }
}

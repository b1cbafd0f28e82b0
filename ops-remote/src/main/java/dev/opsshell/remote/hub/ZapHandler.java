package dev.opsshell.remote.hub;

import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;

/**
 * Answers ZeroMQ's authentication (ZAP) requests for the hub's ROUTER: a CURVE client whose key the
 * {@link KeyStore} has rejected is refused at the handshake; any other key gets through with its Z85
 * public key as the user id, which the hub reads off each message to know who sent it. Unknown keys
 * get through so they can say their name and be filed as pending; the hub runs nothing for them.
 * Called on the hub thread, which owns the REP socket bound at {@code inproc://zeromq.zap.01}.
 */
final class ZapHandler {
    static final String ENDPOINT = "inproc://zeromq.zap.01";

    private final KeyStore keys;
    private long refused;

    ZapHandler(KeyStore keys) {
        this.keys = keys;
    }

    /** Reads one request from {@code zap} and sends its reply. */
    void answer(ZMQ.Socket zap) {
        String version = zap.recvStr();
        String requestId = zap.recvStr();
        zap.recvStr(); // domain: the hub uses one
        zap.recvStr(); // address: the key, not the address, decides
        zap.recv(); // identity: the server socket's own, not the peer's
        String mechanism = zap.recvStr();
        byte[] credentials = zap.hasReceiveMore() ? zap.recv() : new byte[0];
        while (zap.hasReceiveMore()) zap.recv();
        String status;
        String text;
        String userId = "";
        if (!"CURVE".equals(mechanism) || credentials.length != 32) {
            status = "400";
            text = "only CURVE clients are served";
        } else {
            userId = ZMQ.Curve.z85Encode(credentials);
            boolean rejected;
            try {
                rejected = keys.byKey(userId).map(e -> e.state() == KeyStore.State.REJECTED).orElse(false);
            } catch (RuntimeException e) {
                rejected = true; // the key store cannot be read: refuse, but always answer or ZAP stalls
            }
            status = rejected ? "400" : "200";
            text = rejected ? "key rejected" : "OK";
        }
        if (!"200".equals(status)) refused++;
        zap.sendMore(version == null ? "1.0" : version);
        zap.sendMore(requestId == null ? "1" : requestId);
        zap.sendMore(status);
        zap.sendMore(text);
        zap.sendMore(userId.getBytes(StandardCharsets.US_ASCII));
        zap.send(new byte[0]);
    }

    /** Handshakes refused so far (rejected keys, non-CURVE peers). */
    long refused() {
        return refused;
    }
}

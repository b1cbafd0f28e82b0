package dev.opsshell.remote.hub;

import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;

/**
 * Answers ZeroMQ's authentication (ZAP) requests for the hub's ROUTER: a CURVE client whose key the
 * {@link KeyStore} has rejected is refused at the handshake, and so is one {@link Admission} refuses
 * (a key that tried to take a name another key holds, while that name stays taken; any unknown key
 * while the pending area is full). Any other key gets through with its Z85 public key as the user id,
 * which the hub reads off each message to know who sent it. Unknown keys get through so they can say
 * their name and be filed as pending; the hub runs nothing for them. Called on the hub thread, which
 * owns the REP socket bound at {@code inproc://zeromq.zap.01}.
 */
final class ZapHandler {
    static final String ENDPOINT = "inproc://zeromq.zap.01";

    private final Admission admission;
    private volatile long refused;

    ZapHandler(Admission admission) {
        this.admission = admission;
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
        String why; // null when the peer may connect
        String userId = "";
        if (!"CURVE".equals(mechanism) || credentials.length != 32) {
            why = "only CURVE clients are served";
            refused++;
        } else {
            userId = ZMQ.Curve.z85Encode(credentials);
            try {
                why = admission.refusal(userId); // counts its own refusals (name taken, pending full)
                if (Admission.REJECTED.equals(why)) refused++;
            } catch (RuntimeException e) {
                why = "the key store cannot be read"; // refuse, but always answer or ZAP stalls
                refused++;
            }
        }
        String status = why == null ? "200" : "400";
        String text = why == null ? "OK" : why;
        zap.sendMore(version == null ? "1.0" : version);
        zap.sendMore(requestId == null ? "1" : requestId);
        zap.sendMore(status);
        zap.sendMore(text);
        zap.sendMore(userId.getBytes(StandardCharsets.US_ASCII));
        zap.send(new byte[0]);
    }

    /** Handshakes refused so far for rejected keys and non-CURVE peers (the rest {@link Admission} counts). */
    long refused() {
        return refused;
    }
}

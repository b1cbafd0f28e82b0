package dev.opsshell.agent.protocol;

import java.lang.reflect.Field;

/**
 * The classes ops carries in place of its ZeroMQ libraries' own, and whether they are the ones
 * loaded: {@code zmq.poll.Poller}, jeromq 0.6.0's I/O poller with the fix of jeromq pull request
 * #1022 (the jar's own now and then never registers a new connection's channel, so a new client
 * waits for the handshake timer before its first answer), {@code zmq.Signaler}, jeromq 0.6.0's
 * mailbox signal counting a signal before writing its byte (the jar's own made a reader spin while
 * the sender waited for the CPU: half of an idle hub's CPU), and jnacl's {@code curve25519} on the
 * JDK's X25519 (jnacl's took three quarters of the CPU of a CURVE handshake). Each wins only when
 * ops-agent comes before jeromq and jnacl on the class path; this tells whether it did.
 */
public final class JeromqPatch {
    /** What to log when {@link #active()} is false. */
    public static final String WARNING = "jeromq's own zmq.poll.Poller or zmq.Signaler, or jnacl's own curve25519,"
            + " was loaded instead of ops' (jeromq#1022, signals counted first, JDK X25519): put ops-agent before"
            + " jeromq and jnacl on the class path; until then a new connection may wait for the handshake timer"
            + " (3 s) before its first answer, ZeroMQ's threads spin on a busy machine, and each CURVE handshake"
            + " costs about four times the CPU";

    /**
     * The handshake limit every connecting socket (agent, shell client) sets, instead of jeromq's
     * 30 s. It is the net under the fix above: should a new connection's channel be lost again,
     * only the handshake timer starts it over (measured with jeromq's own poller: 10 of 454 new
     * connections without an answer became 0 of 300, each lost one answered after about 3.3 s).
     * jeromq 0.6.0 stops this timer once the ZMTP greeting is done, so the CURVE and ZAP part of a
     * handshake has no limit of its own: the agent's silence check and the shell client's welcome
     * wait cover that by making a new socket.
     */
    public static final int HANDSHAKE_MILLIS = 3000;

    private JeromqPatch() {
    }

    /** True when all of ops' classes are the loaded ones. */
    public static boolean active() {
        return marked("zmq.poll.Poller", "jeromq#1022") && marked("zmq.Signaler", "count-before-write")
                && marked("com.neilalexander.jnacl.crypto.curve25519", "jdk-x25519");
    }

    private static boolean marked(String className, String patch) {
        try {
            Field field = Class.forName(className).getField("OPS_PATCH");
            field.setAccessible(true); // zmq.Signaler is package-private
            return patch.equals(field.get(null));
        } catch (ReflectiveOperationException e) {
            return false; // the library's own class has no such field
        }
    }
}

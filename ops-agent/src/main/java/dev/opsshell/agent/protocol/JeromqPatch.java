package dev.opsshell.agent.protocol;

/**
 * Whether the jeromq I/O poller in use is ops' fixed copy ({@code zmq.poll.Poller} in ops-agent,
 * jeromq pull request #1022) rather than the jeromq jar's own, which now and then never registers a
 * new connection's channel, so a new client waits for the handshake timer before its first answer.
 * The copy wins only when ops-agent comes before jeromq on the class path; this tells whether it did.
 */
public final class JeromqPatch {
    /** What to log when {@link #active()} is false. */
    public static final String WARNING = "jeromq's own zmq.poll.Poller was loaded instead of ops' fixed copy"
            + " (jeromq#1022): put ops-agent before jeromq on the class path; until then a new connection may"
            + " wait for the handshake timer (3 s) before its first answer";

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

    /** True when the fixed copy is the loaded {@code zmq.poll.Poller}. */
    public static boolean active() {
        try {
            return "jeromq#1022".equals(zmq.poll.Poller.class.getField("OPS_PATCH").get(null));
        } catch (ReflectiveOperationException e) {
            return false; // jeromq's copy has no such field
        }
    }
}

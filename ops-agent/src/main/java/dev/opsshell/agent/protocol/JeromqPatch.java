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

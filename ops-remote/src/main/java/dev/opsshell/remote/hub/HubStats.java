package dev.opsshell.remote.hub;

/**
 * Counters of a running hub: frames received and sent, frames dropped as malformed, messages and
 * handshakes refused (rejected keys, peers not allowed to send what they sent, invalid names),
 * attempts by a key to take a name another key holds, unknown keys refused because the pending area
 * was full, sends refused at the high-water mark, replies that came after their request was
 * closed, errors the hub thread survived, what jeromq's I/O threads reported without failing (a
 * connection closed under them, say; see {@link dev.opsshell.agent.protocol.IoNotices}), and
 * requests open now.
 */
public record HubStats(long received, long sent, long malformed, long refused, long takeovers, long pendingFull,
                       long queueFull, long late, long errors, long ioNotices, int open) {
    @Override
    public String toString() {
        return "hub: " + received + " received, " + sent + " sent, " + malformed + " malformed, " + refused
                + " refused, " + takeovers + " takeovers refused, " + pendingFull + " pending-full, " + queueFull
                + " queue-full, " + late + " late, " + errors + " errors, " + ioNotices + " I/O notices, " + open
                + " open";
    }
}

package dev.opsshell.remote.hub;

/**
 * Counters of a running hub: frames received and sent, frames dropped as malformed, messages refused
 * from peers that were not allowed to send them, sends refused at the high-water mark, replies that
 * came after their request was closed, errors the hub thread survived, and requests open now.
 */
public record HubStats(long received, long sent, long malformed, long refused, long queueFull, long late,
                       long errors, int open) {
    @Override
    public String toString() {
        return "hub: " + received + " received, " + sent + " sent, " + malformed + " malformed, " + refused
                + " refused, " + queueFull + " queue-full, " + late + " late, " + errors + " errors, " + open + " open";
    }
}

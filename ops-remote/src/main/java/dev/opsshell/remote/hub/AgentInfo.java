package dev.opsshell.remote.hub;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the hub knows about one agent: its name and key, whether it is connected, down (missed its
 * heartbeats), pending (key not yet accepted) or rejected, where it connected from, since when,
 * its last heartbeat and the facts it registered with. An immutable snapshot.
 */
public record AgentInfo(String name, String state, String key, String address, Instant since,
                        Instant lastHeartbeat, String version, Map<String, String> facts) {

    public static final String CONNECTED = "connected";
    public static final String DOWN = "down";
    public static final String PENDING = "pending";
    public static final String REJECTED = "rejected";

    public AgentInfo {
        facts = Map.copyOf(facts == null ? Map.of() : facts);
    }

    public boolean connected() {
        return CONNECTED.equals(state);
    }

    @Override
    public String toString() {
        String beat = lastHeartbeat == null ? "never"
                : Duration.between(lastHeartbeat, Instant.now()).toMillis() + " ms ago";
        return name + " " + state + (address == null ? "" : " from " + address)
                + (since == null ? "" : " since " + since) + ", last heartbeat " + beat;
    }
}

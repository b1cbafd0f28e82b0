package dev.opsshell.remote.hub;

import java.time.Instant;
import java.util.Map;

/**
 * One peer connected to the hub's ROUTER (an agent, a pending agent or a shell client), as the hub
 * thread sees it. Mutable and confined to the hub thread; {@link #info(String)} makes the snapshot
 * other threads read.
 */
final class Connection {
    final String routing;
    final String key;
    final String name;
    final boolean accepted;
    final boolean client;
    final String address;
    final Instant since = Instant.now();
    final long heartbeatMillis;
    final String version;
    final Map<String, String> facts;
    long lastSeenNanos = System.nanoTime();
    Instant lastHeartbeat = Instant.now();

    Connection(String routing, String key, String name, boolean accepted, boolean client, String address,
               long heartbeatMillis, String version, Map<String, String> facts) {
        this.routing = routing;
        this.key = key;
        this.name = name;
        this.accepted = accepted;
        this.client = client;
        this.address = address;
        this.heartbeatMillis = Math.max(50, heartbeatMillis);
        this.version = version;
        this.facts = facts;
    }

    void seen() {
        lastSeenNanos = System.nanoTime();
    }

    long silentMillis() {
        return (System.nanoTime() - lastSeenNanos) / 1_000_000;
    }

    AgentInfo info(String state) {
        return new AgentInfo(name, state, key, address, since, lastHeartbeat, version, facts);
    }
}

package dev.opsshell.agent;

import dev.opsshell.agent.protocol.AgentName;
import dev.opsshell.agent.protocol.CurveKeys;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How one agent runs: the hub to connect to and its pinned public key, the name it registers as,
 * where its own keypair lives, how often it beats and how many requests it runs at once.
 *
 * @param hub             the hub's endpoint, {@code tcp://HOST:PORT}
 * @param hubKey          the hub's Z85 public key; the agent talks to no other server
 * @param name            the name it registers as (by default the host name)
 * @param keyDir          the directory holding {@code agent.key}/{@code agent.pub}, created 0700
 * @param heartbeatMillis how often it tells the hub it is alive
 * @param maxRequests     requests run at once; more get a {@code busy} error reply
 */
public record AgentConfig(String hub, String hubKey, String name, Path keyDir, long heartbeatMillis,
                          int maxRequests) {

    public AgentConfig {
        Objects.requireNonNull(hub, "hub");
        if (!hub.matches("(tcp|ipc|inproc)://.+")) {
            throw new IllegalArgumentException("hub must be an endpoint like tcp://HOST:PORT, was '" + hub + "'");
        }
        CurveKeys.requireKey(hubKey, "hub key (print it on the hub with `ops keys hub`)");
        Objects.requireNonNull(name, "name");
        AgentName.check(name); // the hub files the key under it: refused there otherwise, so say it here

        Objects.requireNonNull(keyDir, "keyDir");
        if (heartbeatMillis < 50) throw new IllegalArgumentException("heartbeat must be at least 50 ms");
        if (maxRequests < 1) throw new IllegalArgumentException("maxRequests must be at least 1");
    }

    public static Path defaultKeyDir() {
        return Path.of(System.getProperty("user.home"), ".ops", "agent");
    }
}

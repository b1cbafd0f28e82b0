package dev.opsshell.core.events;

import java.time.Instant;

/**
 * An agent the hub knew as connected stopped answering (missed its heartbeats) and is marked down;
 * {@code lastHeartbeat} is the last it heard from it (null if none). Notifications watch these.
 */
public record AgentGone(String name, String address, Instant lastHeartbeat, Instant at) {
}

package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.Message;

import java.util.function.Consumer;

/**
 * One open request: which agent it went to, when the hub gives up on it, and who hears its replies
 * (output chunks, then exactly one final reply). For a request relayed for a shell client it also
 * remembers the client's connection and its own id, so a cancel from that client finds it.
 */
final class Pending {
    final long id;
    final String agent;
    final long deadlineNanos;
    final Consumer<Message.Reply> listener;
    final String clientRouting;
    final long clientId;
    volatile String routing;

    Pending(long id, String agent, long deadlineNanos, Consumer<Message.Reply> listener, String clientRouting,
            long clientId) {
        this.id = id;
        this.agent = agent;
        this.deadlineNanos = deadlineNanos;
        this.listener = listener;
        this.clientRouting = clientRouting;
        this.clientId = clientId;
    }
}

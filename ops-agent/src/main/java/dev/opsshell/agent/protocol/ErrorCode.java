package dev.opsshell.agent.protocol;

import java.util.Locale;

/** Why a request got an {@link Message.ErrorReply} instead of its answer. */
public enum ErrorCode {
    /** The frame was not a message this protocol knows. */
    UNKNOWN_TYPE,
    /** The frame was not valid JSON or a field had the wrong shape. */
    MALFORMED,
    /** The agent already runs as many requests as it allows; retry later or lower forks. */
    BUSY,
    /** The request ran and failed (a file that does not exist, a process that could not start). */
    FAILED,
    /** The hub has no connected, accepted agent by that name. */
    AGENT_NOT_CONNECTED,
    /** The hub's queue to that agent is full (high-water mark reached). */
    QUEUE_FULL,
    /** The agent stopped answering while the request was open. */
    AGENT_LOST,
    /** No final reply came within the request's deadline; the hub asked the agent to cancel it. */
    NO_REPLY,
    /** The hub is shutting down. */
    HUB_CLOSED,
    /** The sender is not allowed to do this (a pending agent, an unknown client). */
    DENIED,
    /**
     * The hub does not know the connection the request came on (it restarted since the client
     * registered): nothing was done; register again and send the request again.
     */
    NOT_REGISTERED;

    /** The lower-case, dashed name used on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Message.ErrorReply reply(long id, String message) {
        return new Message.ErrorReply(id, wire(), message);
    }
}

package dev.opsshell.remote.hub;

/** A frame a caller wants sent to an agent by name; {@code id} is the open request it belongs to, or -1. */
record Outgoing(String agent, long id, byte[] frame) {
}

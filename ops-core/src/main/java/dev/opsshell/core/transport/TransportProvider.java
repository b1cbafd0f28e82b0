package dev.opsshell.core.transport;

import dev.opsshell.core.Session;

/**
 * Plugs a transport in through {@link java.util.ServiceLoader}: core knows only this interface;
 * ops-remote registers local and ssh (and the agent hub) in META-INF/services.
 */
public interface TransportProvider {

    /** The name operators choose it by: {@code via("ssh")}, {@code ops_transport=ssh}. */
    String name();

    /** Creates the transport; it reads {@code session.settings()} at each call, so changes apply at once. */
    Transport create(Session session);
}

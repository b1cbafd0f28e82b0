package dev.opsshell.remote.hub;

import dev.opsshell.core.Session;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.core.transport.TransportProvider;

/** Registers {@link AgentTransport} as {@code agent}. */
public final class AgentTransportProvider implements TransportProvider {
    @Override
    public String name() {
        return AgentTransport.NAME;
    }

    @Override
    public Transport create(Session session) {
        return new AgentTransport(() -> SessionHub.of(session));
    }
}

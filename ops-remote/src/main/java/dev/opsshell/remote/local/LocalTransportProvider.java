package dev.opsshell.remote.local;

import dev.opsshell.core.Session;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.core.transport.TransportProvider;

/** Registers {@link LocalTransport} as {@code local}. */
public final class LocalTransportProvider implements TransportProvider {
    @Override
    public String name() {
        return LocalTransport.NAME;
    }

    @Override
    public Transport create(Session session) {
        return new LocalTransport(session);
    }
}

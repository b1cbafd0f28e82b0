package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.core.transport.TransportProvider;

/** Registers {@link SshTransport} as {@code ssh}. */
public final class SshTransportProvider implements TransportProvider {
    @Override
    public String name() {
        return SshTransport.NAME;
    }

    @Override
    public Transport create(Session session) {
        return new SshTransport(session);
    }
}

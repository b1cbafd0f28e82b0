package dev.opsshell.core;

import dev.opsshell.core.pipeline.EchoTransport;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.core.transport.TransportProvider;

/** A test transport, registered as {@code failing-close}: it works like {@code echo} but throws when closed. */
public final class FailingCloseTransport {

    private FailingCloseTransport() {
    }

    /** Registers the transport under the name {@code failing-close}. */
    public static final class Provider implements TransportProvider {
        @Override
        public String name() {
            return "failing-close";
        }

        @Override
        public Transport create(Session session) {
            return new EchoTransport() {
                @Override
                public void close() {
                    throw new IllegalStateException("the connection pool was already shut down");
                }
            };
        }
    }
}

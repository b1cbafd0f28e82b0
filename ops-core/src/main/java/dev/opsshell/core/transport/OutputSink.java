package dev.opsshell.core.transport;

import dev.opsshell.core.host.Host;

/** Receives output lines as they arrive, for live streaming of long commands. Must be thread-safe. */
@FunctionalInterface
public interface OutputSink {
    OutputSink NONE = (host, stderr, line) -> { };

    void line(Host host, boolean stderr, String line);
}

package dev.opsshell.core.pipeline;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.transport.OutputSink;

import java.io.PrintStream;

/** Prints live output lines as {@code host | line} (stderr lines marked with {@code !}). */
final class LinePrefixSink implements OutputSink {
    private final PrintStream out;

    LinePrefixSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public void line(Host host, boolean stderr, String line) {
        synchronized (out) {
            out.println(host.name() + (stderr ? " ! " : " | ") + line);
        }
    }
}

package dev.opsshell.core.transport;

import dev.opsshell.core.host.Host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains one output stream of a running command: keeps the first {@code cap} bytes, drops (but
 * still reads, so the command never blocks on a full pipe) the rest and remembers that it did,
 * and hands complete lines to a sink for live streaming. Used by every transport.
 */
public final class StreamCollector {
    private final Host host;
    private final boolean stderr;
    private final long cap;
    private final OutputSink sink;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private volatile boolean truncated;
    private volatile long received;

    public StreamCollector(Host host, boolean stderr, long cap, OutputSink sink) {
        this.host = host;
        this.stderr = stderr;
        this.cap = cap;
        this.sink = sink;
    }

    /** Reads {@code in} to its end. Returns normally on end of stream; IOExceptions propagate. */
    public void drain(InputStream in) throws IOException {
        byte[] buf = new byte[16 * 1024];
        for (int n; (n = in.read(buf)) >= 0; ) accept(buf, 0, n);
        flushLine();
    }

    /** Takes a chunk that arrived (for transports that receive output as messages). */
    public synchronized void accept(byte[] buf, int off, int len) {
        received += len;
        long room = cap - kept.size();
        if (room > 0) kept.write(buf, off, (int) Math.min(room, len));
        if (len > room) truncated = true;
        if (sink != OutputSink.NONE) splitLines(buf, off, len);
    }

    private void splitLines(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (buf[i] == '\n') {
                sink.line(host, stderr, line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else if (line.size() < 64 * 1024) {
                line.write(buf[i]);
            }
        }
    }

    public synchronized void flushLine() {
        if (line.size() > 0 && sink != OutputSink.NONE) sink.line(host, stderr, line.toString(StandardCharsets.UTF_8));
        line.reset();
    }

    public synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    public boolean truncated() {
        return truncated;
    }

    /** Every byte read so far, kept or not: whether output is still arriving. */
    public long received() {
        return received;
    }
}

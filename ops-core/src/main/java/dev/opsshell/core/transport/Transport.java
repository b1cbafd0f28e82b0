package dev.opsshell.core.transport;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Result;

import java.nio.file.Path;

/**
 * A way to run things on a host (local process, SSH, agent). Implementations are thread-safe: the
 * fan-out calls them from many threads at once. They never throw for a host's problem: an
 * unreachable host, a rejected key or a timeout comes back as a {@link Result} with that outcome.
 * A thread interrupted while waiting (Ctrl-C) should stop the command and return promptly.
 */
public interface Transport extends AutoCloseable {

    /** The short name results carry, such as {@code ssh} or {@code local}. */
    String name();

    Result exec(Host host, Command command, OutputSink sink);

    /** Copies a local file to {@code remotePath} on the host; the result's stdout names what was written. */
    Result upload(Host host, Path localFile, String remotePath);

    /** Copies {@code remotePath} from the host to {@code localFile}. */
    Result download(Host host, String remotePath, Path localFile);

    /** Releases pooled connections and threads; safe to call twice. */
    @Override
    void close();
}

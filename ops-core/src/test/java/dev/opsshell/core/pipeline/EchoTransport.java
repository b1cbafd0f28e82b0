package dev.opsshell.core.pipeline;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.core.transport.TransportProvider;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A test transport, registered as {@code echo} in the test META-INF/services: every command
 * "runs" by answering {@code command@host}, exiting with the host's {@code exit} variable (0 if unset).
 */
public class EchoTransport implements Transport {

    /** Registers the transport under the name {@code echo}. */
    public static final class Provider implements TransportProvider {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public Transport create(Session session) {
            return new EchoTransport();
        }
    }

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public Result exec(Host host, Command command, OutputSink sink) {
        int code = Integer.parseInt(host.var("exit").orElse("0"));
        String out = command + "@" + host.name();
        sink.line(host, false, out);
        return Result.exited(host, code, out + "\n", code == 0 ? "" : "failed on " + host.name() + "\n",
                false, Instant.now(), name());
    }

    @Override
    public Result upload(Host host, Path localFile, String remotePath) {
        return Result.problem(host, Outcome.ERROR, "echo transport cannot copy files", Instant.now(), name());
    }

    @Override
    public Result download(Host host, String remotePath, Path localFile) {
        return Result.problem(host, Outcome.ERROR, "echo transport cannot copy files", Instant.now(), name());
    }

    @Override
    public void close() {
        // nothing is held open
    }
}

package dev.opsshell.remote.contract;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** What the contract's tests run against: a transport, a host it reaches, and scratch files on this machine. */
public interface ContractTarget {
    Duration LONG_ENOUGH = Duration.ofSeconds(60);

    Transport transport();

    Session session();

    /** The host the commands run on, as the transport's usual user (root here), with these variables. */
    Host host(Map<String, String> vars);

    /** The name results carry in {@code transport()}. */
    String transportName();

    /** Where a command that names no directory starts. */
    String startDirectory();

    /** A new directory, mode 0755, in a scratch area removed after the class. */
    Path newDirectory(String name) throws Exception;

    /** A new file holding {@code content}, in a directory of its own in the scratch area. */
    Path newFile(String name, byte[] content) throws Exception;

    default Host host() {
        return host(Map.of());
    }

    default Command command(String line) {
        return new Command(line, false, LONG_ENOUGH, 1 << 20, Map.of());
    }

    default Result run(Command command) {
        return transport().exec(host(), command, OutputSink.NONE);
    }

    default Result run(String line) {
        return run(command(line));
    }
}

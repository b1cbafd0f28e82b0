package dev.opsshell.remote;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.pipeline.Operation;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Fanout;
import dev.opsshell.core.transport.Transport;

import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * File copy as an operation, fanned out like a command through each host's transport (SFTP over
 * SSH). Downloads land in {@code localDir/<host name>/<file name>}, so hosts never overwrite each other:
 * <pre>{@code
 * hosts("web").run(upload("app.conf", "/etc/app/app.conf")).pretty();
 * hosts("web").run(download("/var/log/app.log", "logs")).pretty();   // logs/web01/app.log, …
 * }</pre>
 */
public final class Transfer implements Operation {
    private final String title;
    private final BiFunction<Transport, Host, Result> copy;

    private Transfer(String title, BiFunction<Transport, Host, Result> copy) {
        this.title = title;
        this.copy = copy;
    }

    /** Copies one local file to {@code remotePath} on every host. */
    public static Transfer upload(String localPath, String remotePath) {
        Path local = Path.of(localPath);
        return new Transfer("upload " + localPath + " to " + remotePath, (t, host) -> t.upload(host, local, remotePath));
    }

    /** Copies {@code remotePath} from every host to {@code localDir/<host name>/<file name>}. */
    public static Transfer download(String remotePath, String localDir) {
        String file = Path.of(remotePath).getFileName() == null ? "root" : Path.of(remotePath).getFileName().toString();
        return new Transfer("download " + remotePath + " to " + localDir,
                (t, host) -> t.download(host, remotePath, Path.of(localDir, host.name(), file)));
    }

    @Override
    public Results run(Hosts hosts) {
        Session session = hosts.session();
        return Fanout.run(title, hosts, session.settings().forks(), session.progress(),
                host -> copy.apply(session.transport(hosts.transportFor(host)), host));
    }

    @Override
    public String toString() {
        return title;
    }
}

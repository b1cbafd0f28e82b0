package dev.opsshell.remote;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.pipeline.Operation;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Fanout;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.remote.hub.AgentTransport;

import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * File copy as an operation, fanned out like a command through each host's transport (SFTP over
 * SSH). Downloads land in {@code localDir/<host name>/<file name>}, so hosts never overwrite each other:
 * <pre>{@code
 * hosts("web").run(upload("app.conf", "/etc/app/app.conf")).pretty();
 * hosts("web").run(download("/var/log/app.log", "logs")).pretty();   // logs/web01/app.log, …
 * hosts("web").via(agent()).run(upload("x.sh", "/tmp/x.sh").intoSharedDirectory());
 * }</pre>
 * An agent refuses to write into a directory others may write to (world-writable like /tmp, or
 * another user's) unless the upload says {@link #intoSharedDirectory()}; SSH and local copies write
 * as the login user and need no such word.
 */
public final class Transfer implements Operation {
    private final String title;
    private final BiFunction<Transport, Host, Result> copy;
    private final Upload upload; // what an upload copies, to make its shared-directory variant; null for a download

    private record Upload(String localPath, String remotePath) { }

    private Transfer(String title, BiFunction<Transport, Host, Result> copy, Upload upload) {
        this.title = title;
        this.copy = copy;
        this.upload = upload;
    }

    /** Copies one local file to {@code remotePath} on every host. */
    public static Transfer upload(String localPath, String remotePath) {
        return upload(new Upload(localPath, remotePath), false);
    }

    private static Transfer upload(Upload u, boolean intoSharedDirectory) {
        Path local = Path.of(u.localPath());
        String remote = u.remotePath();
        String title = "upload " + u.localPath() + " to " + remote + (intoSharedDirectory ? " (into a shared directory)" : "");
        return new Transfer(title, (t, host) -> intoSharedDirectory && t instanceof AgentTransport a
                ? a.upload(host, local, remote, true) : t.upload(host, local, remote), u);
    }

    /**
     * The same upload, allowed into a directory others may write to (such as /tmp), which agents
     * refuse otherwise: anyone who may write there could swap the file as it lands. Symlinks are
     * still never followed.
     */
    public Transfer intoSharedDirectory() {
        if (upload == null) throw new IllegalStateException("only an upload writes into a directory on the hosts: " + title);
        return upload(upload, true);
    }

    /** Copies {@code remotePath} from every host to {@code localDir/<host name>/<file name>}. */
    public static Transfer download(String remotePath, String localDir) {
        String file = Path.of(remotePath).getFileName() == null ? "root" : Path.of(remotePath).getFileName().toString();
        return new Transfer("download " + remotePath + " to " + localDir,
                (t, host) -> t.download(host, remotePath, Path.of(localDir, host.name(), file)), null);
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

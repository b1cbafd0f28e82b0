package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.pipeline.Operation;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.run.Fanout;
import dev.opsshell.core.transport.Transport;

import java.time.Instant;

/**
 * The operation behind {@code acceptHostKeys("web*")}: connects to every SSH host and adds its host
 * key to known_hosts when none is there yet, as {@code ssh-keyscan >> known_hosts} would, but for a
 * whole pattern at once; a changed key is still refused. Hosts reached otherwise (local, agent) have
 * no SSH host key and say so.
 */
public final class HostKeys {
    private HostKeys() {
    }

    public static Operation accept() {
        return hosts -> {
            Session session = hosts.session();
            return Fanout.run("accept host keys", hosts, session.settings().forks(), session.progress(), host -> {
                String via = hosts.transportFor(host);
                Transport t = session.transport(via);
                if (t instanceof SshTransport ssh) return ssh.acceptHostKey(host);
                return Result.exited(host, 0, "reached through " + via + ", which has no SSH host key\n", "", false,
                        Instant.now(), via);
            });
        };
    }
}

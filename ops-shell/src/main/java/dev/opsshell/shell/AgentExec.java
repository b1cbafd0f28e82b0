package dev.opsshell.shell;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.remote.Ops;
import dev.opsshell.remote.hub.AgentHosts;
import dev.opsshell.remote.hub.AgentLink;
import dev.opsshell.remote.hub.AgentTransport;
import dev.opsshell.remote.hub.HubDaemon;
import dev.opsshell.remote.hub.SessionHub;

/**
 * How {@code ops exec} picks its hosts: the inventory pattern as usual, or with {@code --via agent}
 * through a standalone hub, where the pattern also matches connected agents by name and {@code *}
 * means every connected agent.
 */
final class AgentExec {
    private AgentExec() {
    }

    static Hosts hosts(Session session, String pattern, String via, String hub, String hubKey) {
        if (!AgentTransport.NAME.equals(via)) {
            Hosts hosts = Ops.hosts(pattern);
            return via == null ? hosts : hosts.via(via);
        }
        AgentLink link = SessionHub.use(session, HubDaemon.connect(hub, hubKey));
        return AgentHosts.select(pattern, session.inventory(), link.agents());
    }
}

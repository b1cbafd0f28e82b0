package dev.opsshell.shell.terminal;

import dev.opsshell.core.Session;
import dev.opsshell.remote.hub.HubException;
import dev.opsshell.remote.hub.SessionHub;

import java.util.concurrent.CompletableFuture;

/**
 * Starts the session's hub in the background when the interactive shell opens, so an agent on this
 * machine (or one pointed at it) can connect at once, before the operator first asks for agents.
 * {@code OPS_HUB_PORT=off} keeps it off. A hub that cannot start (the port is taken by something
 * else) is not an error here: the first use of the agent transport tries again and says why.
 */
final class InShellHub {
    private InShellHub() {
    }

    static void startInBackground(Session session, CompletableFuture<?> after) {
        if ("off".equalsIgnoreCase(System.getenv("OPS_HUB_PORT"))) return;
        after.thenRunAsync(() -> {
            try {
                SessionHub.of(session);
            } catch (HubException | IllegalArgumentException e) {
                // reported on first use of agents: see the class comment
            }
        });
    }
}

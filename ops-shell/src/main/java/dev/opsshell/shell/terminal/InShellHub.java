package dev.opsshell.shell.terminal;

import dev.opsshell.core.Session;
import dev.opsshell.remote.hub.HubException;
import dev.opsshell.remote.hub.SessionHub;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Starts the session's hub in the background when the interactive shell opens, so an agent on this
 * machine (or one pointed at it) can connect at once, before the operator first asks for agents.
 * It listens on loopback unless {@code OPS_HUB_BIND} says otherwise; when its port is taken
 * (another shell on this machine), it takes a free one and says which. {@code OPS_HUB_PORT=off}
 * keeps it off. A hub that cannot start at all is not an error here: the first use of the agent
 * transport tries again and says why.
 */
final class InShellHub {
    private InShellHub() {
    }

    /** Starts it once {@code after} is done; {@code say} prints a line above the prompt. */
    static void startInBackground(Session session, CompletableFuture<?> after, Consumer<String> say) {
        if ("off".equalsIgnoreCase(System.getenv("OPS_HUB_PORT"))) return;
        after.thenRunAsync(() -> {
            try {
                SessionHub.of(session, say);
            } catch (HubException | IllegalArgumentException e) {
                // reported on first use of agents: see the class comment
            }
        });
    }
}

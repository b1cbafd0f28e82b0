package dev.opsshell.remote.hub;

import dev.opsshell.core.Session;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.transport.Settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A hub on a loopback port of the test range, a session using it, and real agent processes. */
final class HubFixture implements AutoCloseable {
    final Path dir;
    final HubConfig config;
    Hub hub;
    final Session session;
    private final List<AgentProcess> agents = new ArrayList<>();

    HubFixture(Path dir, UnaryOperator<HubConfig> adjust) {
        this.dir = dir;
        this.config = adjust.apply(HubConfig.defaults(Ports.free()).withBindAddress("127.0.0.1")
                .withKeyDir(dir.resolve("hub")));
        this.hub = Hub.start(config);
        this.session = new Session(Settings.defaults(), Inventory.localOnly(), System.out);
        SessionHub.use(session, hub);
    }

    HubFixture(Path dir) {
        this(dir, c -> c);
    }

    /** Starts an agent whose key the hub has accepted, and waits until it is connected. */
    AgentProcess accepted(String name, String... extra) throws Exception {
        Path keyDir = dir.resolve("agent-" + name);
        hub.keys().allow(name, AgentProcess.keyOf(keyDir));
        return started(AgentProcess.start(hub.endpoint(), hub.publicKey(), name, keyDir, extra))
                .awaitConnected(hub, Duration.ofSeconds(30));
    }

    /** Starts an agent without touching the key store (unknown or wrong keys). */
    AgentProcess unknown(String name, String hubKey) throws Exception {
        return started(AgentProcess.start(hub.endpoint(), hubKey, name, dir.resolve("agent-" + name)));
    }

    private AgentProcess started(AgentProcess a) {
        agents.add(a);
        return a;
    }

    /** Closes the hub and starts a new one on the same port with the same keys. */
    void restartHub() {
        hub.close();
        hub = Hub.start(config);
        SessionHub.use(session, hub);
    }

    /** Every agent's log, for assertion messages. */
    String logs() {
        StringBuilder b = new StringBuilder();
        agents.forEach(a -> b.append("--- ").append(a.name).append('\n').append(a.log()));
        return b.toString();
    }

    @Override
    public void close() {
        agents.forEach(AgentProcess::close);
        session.close();
        hub.close();
    }
}

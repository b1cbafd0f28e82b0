package dev.opsshell.remote.hub;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Settings;
import dev.opsshell.core.transport.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands through a hub to a real agent process: the same results as over SSH, saying "agent". */
class AgentExecIT {
    @TempDir
    static Path dir;
    static Hub hub;
    static AgentProcess agent;
    static Session session;
    static Transport transport;

    @BeforeAll
    static void start() throws Exception {
        hub = Hub.start(HubConfig.defaults(Ports.free()).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub")));
        Path agentDir = dir.resolve("a1");
        hub.keys().allow("a1", AgentProcess.keyOf(agentDir));
        agent = AgentProcess.start(hub.endpoint(), hub.publicKey(), "a1", agentDir).awaitConnected(hub, Duration.ofSeconds(20));
        session = new Session(Settings.defaults(), Inventory.localOnly(), System.out);
        SessionHub.use(session, hub);
        transport = session.transport("agent");
    }

    @AfterAll
    static void stop() {
        if (agent != null) agent.close();
        if (session != null) session.close();
    }

    private static Command cmd(String line) {
        return Command.of(line, session.settings());
    }

    @Test
    void aHostWithoutAConnectedAgentIsUnreachableAtOnceWithAHint() {
        Result r = transport.exec(Host.of("nobody"), cmd("true"), OutputSink.NONE);
        assertEquals(Outcome.UNREACHABLE, r.outcome());
        assertTrue(r.message().startsWith("agent not connected: nobody; deploy it with"), r.message());
    }

    @Test
    void theOpsAgentVariableNamesTheAgentOfAHost() {
        Host h = new Host("web-1", "10.0.0.1", 22, "root", java.util.Map.of("ops_agent", "a1"), List.of());
        Result r = transport.exec(h, cmd("echo via-var"), OutputSink.NONE);
        assertEquals("via-var\n", r.stdout());
    }
}

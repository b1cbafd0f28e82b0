package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.Message;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A shell reaching agents through a standalone hub it connects to as a CURVE client. */
class HubClientIT {
    @TempDir
    Path dir;

    @Test
    void aShellWhoseKeyTheHubTrustsRunsCommandsOnItsAgents() throws Exception {
        Path clientKeys = dir.resolve("client");
        HubConfig config = HubConfig.defaults(Ports.free()).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub"));
        try (Hub hub = HubDaemon.start(config, clientKeys)) {
            Path agentDir = dir.resolve("agent-c1");
            hub.keys().allow("c1", AgentProcess.keyOf(agentDir));
            try (AgentProcess agent = AgentProcess.start(hub.endpoint(), hub.publicKey(), "c1", agentDir);
                 HubClient client = HubClient.connect(hub.endpoint(), hub.publicKey(), clientKeys)) {
                agent.awaitConnected(client, Duration.ofSeconds(30));
                AgentTransport transport = new AgentTransport(() -> client);
                Result r = transport.exec(Host.of("c1"), Command.of("echo relayed; exit 2", Settings.defaults()),
                        OutputSink.NONE);
                assertEquals(Outcome.FAILED, r.outcome(), r::toString);
                assertEquals(2, r.exitCode());
                assertEquals("relayed\n", r.stdout());
                Message.Reply pong = client.call("c1", id -> new Message.Ping(id, 5), o -> { }, Duration.ofSeconds(5))
                        .reply().join();
                assertEquals(5, assertInstanceOf(Message.Pong.class, pong).sentNanos());
                assertEquals(List.of("c1"), client.agents().stream().filter(AgentInfo::connected)
                        .map(AgentInfo::name).toList());
                Result absent = transport.exec(Host.of("nobody"), Command.of("true", Settings.defaults()), OutputSink.NONE);
                assertEquals(Outcome.UNREACHABLE, absent.outcome());
            }
        }
    }

    @Test
    void listingAgentsOnAClosedLinkFailsAtOnceInsteadOfWaitingForever() throws Exception {
        Path clientKeys = dir.resolve("client");
        HubConfig config = HubConfig.defaults(Ports.free()).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub"));
        try (Hub hub = HubDaemon.start(config, clientKeys)) {
            HubClient client = HubClient.connect(hub.endpoint(), hub.publicKey(), clientKeys);
            client.close();
            // a guard against hanging, not a timing: a wait would end in "no answer", not "closed"
            HubException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> assertThrows(HubException.class, client::agents));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
    }

    @Test
    void cancellingThroughTheHubStopsTheCommandOnTheAgent() throws Exception {
        Path clientKeys = dir.resolve("client");
        HubConfig config = HubConfig.defaults(Ports.free()).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub"));
        try (Hub hub = HubDaemon.start(config, clientKeys)) {
            Path agentDir = dir.resolve("agent-c2");
            hub.keys().allow("c2", AgentProcess.keyOf(agentDir));
            try (AgentProcess agent = AgentProcess.start(hub.endpoint(), hub.publicKey(), "c2", agentDir);
                 HubClient client = HubClient.connect(hub.endpoint(), hub.publicKey(), clientKeys)) {
                agent.awaitConnected(client, Duration.ofSeconds(30));
                String marker = "sleep 35.1" + ProcessHandle.current().pid() % 10;
                Hub.Call call = client.call("c2", id -> Message.Exec.shell(id, marker, 60_000, 100), o -> { },
                        Duration.ofSeconds(70));
                AgentRequestsIT.awaitRunning(marker);
                client.cancel("c2", call.id());
                Message.Exit exit = assertInstanceOf(Message.Exit.class, call.reply().get(20, java.util.concurrent.TimeUnit.SECONDS));
                assertTrue(exit.cancelled());
            }
        }
    }

    @Test
    void aShellWithAnUnknownKeyIsHeldPendingAndToldHowToGetIn() {
        HubConfig config = HubConfig.defaults(Ports.free()).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub"));
        // a hub that trusts no shell yet: one trusting this user's shell name would refuse another key asking for it
        try (Hub hub = Hub.start(config)) {
            HubException e = assertThrows(HubException.class,
                    () -> HubClient.connect(hub.endpoint(), hub.publicKey(), dir.resolve("stranger")));
            assertTrue(e.getMessage().contains("ops keys accept " + HubClient.clientName()), e.getMessage());
            String strangerKey = CurveKeys.loadOrCreate(dir.resolve("stranger"), "client").publicKey();
            assertEquals(KeyStore.State.PENDING, hub.keys().byKey(strangerKey).orElseThrow().state());
        }
    }

    @Test
    void aShellPinningTheWrongHubKeyIsToldToCheckIt() {
        HubConfig config = HubConfig.defaults(Ports.free()).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub"));
        try (Hub hub = HubDaemon.start(config, dir.resolve("client"))) {
            HubException e = assertThrows(HubException.class, () -> HubClient.connect(hub.endpoint(),
                    CurveKeys.generate().publicKey(), dir.resolve("client")));
            assertTrue(e.getMessage().contains("ops keys hub"), e.getMessage());
        }
    }
}

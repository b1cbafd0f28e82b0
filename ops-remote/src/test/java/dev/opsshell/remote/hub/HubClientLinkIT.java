package dev.opsshell.remote.hub;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A shell's link to a standalone hub outlives a hub restart, and Ctrl-C ends a wait on an agent. */
class HubClientLinkIT {
    @TempDir
    Path dir;

    @Test
    void aShellKeepsWorkingAfterItsHubRestartsOnTheSamePortAndKeys() throws Exception {
        Path clientKeys = dir.resolve("client");
        HubConfig config = HubConfig.defaults(Ports.free()).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub"));
        Hub hub = HubDaemon.start(config, clientKeys);
        Path agentDir = dir.resolve("agent-r1");
        hub.keys().allow("r1", AgentProcess.keyOf(agentDir));
        try (AgentProcess agent = AgentProcess.start(hub.endpoint(), hub.publicKey(), "r1", agentDir);
             HubClient client = HubClient.connect(hub.endpoint(), hub.publicKey(), clientKeys)) {
            agent.awaitConnected(client, Duration.ofSeconds(30));
            assertInstanceOf(Message.Pong.class, ping(client, "r1"));
            hub.close();
            hub = HubDaemon.start(config, clientKeys);
            // the first request after the restart is answered, not dropped by a hub that forgot this client
            client.agents();
            awaitConnected(hub, "r1", agent);
            Message.Reply again = ping(client, "r1");
            assertInstanceOf(Message.Pong.class, again, () -> "the same client, after the restart: " + again);
        } finally {
            hub.close();
        }
    }

    @Test
    void anInterruptStopsWaitingForAnAgentsReplyAndCancelsTheCommand() throws Exception {
        Path clientKeys = dir.resolve("client");
        HubConfig config = HubConfig.defaults(Ports.free()).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub"));
        try (Hub hub = HubDaemon.start(config, clientKeys)) {
            Path agentDir = dir.resolve("agent-i1");
            hub.keys().allow("i1", AgentProcess.keyOf(agentDir));
            try (AgentProcess agent = AgentProcess.start(hub.endpoint(), hub.publicKey(), "i1", agentDir);
                 HubClient client = HubClient.connect(hub.endpoint(), hub.publicKey(), clientKeys)) {
                agent.awaitConnected(client, Duration.ofSeconds(30));
                AgentTransport transport = new AgentTransport(() -> client);
                String marker = "sleep 30.2" + ProcessHandle.current().pid() % 10; // this run's command, no other's
                AtomicReference<Result> result = new AtomicReference<>();
                AtomicBoolean stillInterrupted = new AtomicBoolean();
                Thread caller = new Thread(() -> {
                    result.set(transport.exec(Host.of("i1"), Command.of(marker + "; echo finished", Settings.defaults()),
                            OutputSink.NONE));
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }, "ctrl-c-caller");
                caller.start();
                AgentRequestsIT.awaitRunning(marker);
                caller.interrupt(); // what the shell's Ctrl-C does to the thread that waits
                caller.join(TimeUnit.SECONDS.toMillis(10));
                assertFalse(caller.isAlive(), "the interrupted caller still waits for the agent's reply");
                assertEquals(Outcome.CANCELLED, result.get().outcome(), result.get()::toString);
                assertTrue(stillInterrupted.get(), "the caller must still see its interrupt");
                AgentRequestsIT.awaitGone(marker); // the agent killed it
            }
        }
    }

    private static Message.Reply ping(HubClient client, String agent) {
        return client.call(agent, id -> new Message.Ping(id, 1), o -> { }, Duration.ofSeconds(20)).reply().join();
    }

    /** Waits until the (restarted) hub has the agent back. */
    private static void awaitConnected(Hub hub, String agent, AgentProcess process) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!hub.connected(agent)) {
            if (System.nanoTime() > end) throw new AssertionError(agent + " never came back to the restarted hub: "
                    + process.log());
            Thread.sleep(20);
        }
    }
}

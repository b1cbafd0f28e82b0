package dev.opsshell.remote.hub;

import dev.opsshell.agent.Agent;
import dev.opsshell.agent.AgentConfig;
import dev.opsshell.agent.protocol.CurveKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing a hub prints nothing: not while agents are connected and shells are connecting, not from
 * a thread whose interrupt is set (the shell's Ctrl-C), which keeps its interrupt.
 */
class HubCloseIT {
    @TempDir
    Path dir;

    @Test
    void closingAHubWithPeersPrintsNothingEvenFromAnInterruptedThread() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (int round = 0; round < 6; round++) closeWhileBusy(round, round % 2 == 1);
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "printed while hubs were closed");
    }

    private void closeWhileBusy(int round, boolean interrupted) throws Exception {
        Path clientKeys = dir.resolve("client");
        HubConfig config = HubConfig.defaults(Ports.free()).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub"));
        Hub hub = HubDaemon.start(config, clientKeys);
        List<Agent> agents = new ArrayList<>();
        List<Thread> shells = new ArrayList<>();
        CountDownLatch hubClosed = new CountDownLatch(0);
        try {
            for (int i = 0; i < 3; i++) {
                CurveKeys keys = CurveKeys.generate();
                hub.keys().allow("close" + i, keys.publicKey());
                agents.add(new Agent(new AgentConfig(hub.endpoint(), hub.publicKey(), "close" + i, dir, 200, 4), keys,
                        line -> { }).start());
            }
            CountDownLatch connecting = new CountDownLatch(3);
            CountDownLatch oneConnected = new CountDownLatch(1);
            CountDownLatch closed = new CountDownLatch(1);
            for (int i = 0; i < 3; i++) {
                boolean stays = i == 0; // one shell is connected when the hub closes, the others still connecting
                Thread shell = new Thread(() -> {
                    connecting.countDown();
                    try (HubClient client = HubClient.connect(hub.endpoint(), hub.publicKey(), clientKeys)) {
                        client.agents();
                        if (stays) {
                            oneConnected.countDown();
                            closed.await();
                        }
                    } catch (HubException | InterruptedException e) {
                        // the hub closed under it, or the test ended it: what this test provokes
                    }
                }, "shell-" + round + "-" + i);
                shell.start();
                shells.add(shell);
            }
            assertTrue(connecting.await(30, TimeUnit.SECONDS));
            assertTrue(oneConnected.await(30, TimeUnit.SECONDS), "no shell got connected");
            hubClosed = closed;
            if (interrupted) Thread.currentThread().interrupt();
            hub.close();
            assertEquals(interrupted, Thread.interrupted(), "close keeps the caller's interrupt, and makes none");
        } finally {
            hub.close();
            hubClosed.countDown();
            shells.forEach(Thread::interrupt); // a shell still connecting to the closed hub gives up at once
            for (Thread shell : shells) shell.join(TimeUnit.SECONDS.toMillis(30));
            agents.forEach(Agent::close);
        }
    }
}

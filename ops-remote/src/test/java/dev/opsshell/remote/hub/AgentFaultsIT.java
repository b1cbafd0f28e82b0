package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.Codec;
import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.ErrorCode;
import dev.opsshell.agent.protocol.Message;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub and agents under faults: dead agents, restarts, strangers, garbage and floods. */
class AgentFaultsIT {
    @TempDir
    Path dir;

    @Test
    void aCommandWhoseAgentIsKilledFailsLongBeforeItsTimeout() throws Exception {
        try (HubFixture fx = new HubFixture(dir)) {
            AgentProcess victim = fx.accepted("victim");
            String marker = "sleep 34.5" + ProcessHandle.current().pid() % 10;
            CompletableFuture<Result> r = CompletableFuture.supplyAsync(() -> fx.session.transport("agent")
                    .exec(Host.of("victim"), Command.of(marker, fx.session.settings())
                            .withTimeout(Duration.ofSeconds(60)), OutputSink.NONE));
            AgentRequestsIT.awaitRunning(marker);
            victim.process.destroyForcibly();
            Result result = r.get(50, TimeUnit.SECONDS); // before the 60 s timeout: the agent's death is noticed
            assertEquals(Outcome.UNREACHABLE, result.outcome(), result::toString);
            assertTrue(result.message().contains("stopped answering"), result.message());
            assertEquals(AgentInfo.DOWN, fx.hub.agent("victim").orElseThrow().state());
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker))
                    .forEach(ProcessHandle::destroyForcibly); // the orphan left by SIGKILL on its agent
        }
    }

    @Test
    void agentsComeBackAfterTheHubRestarts() throws Exception {
        try (HubFixture fx = new HubFixture(dir)) {
            fx.accepted("r1");
            fx.accepted("r2");
            fx.restartHub();
            for (String name : List.of("r1", "r2")) {
                new AgentProcessWait(fx.hub, name).await(Duration.ofSeconds(30));
                Result r = fx.session.transport("agent").exec(Host.of(name), Command.of("echo back",
                        fx.session.settings()), OutputSink.NONE);
                assertEquals("back\n", r.stdout(), r::toString);
            }
        }
    }

    @Test
    void anUnknownKeyIsHeldPendingAndRunsNothingUntilAccepted() throws Exception {
        try (HubFixture fx = new HubFixture(dir)) {
            fx.unknown("stranger", fx.hub.publicKey());
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (fx.hub.agent("stranger").isEmpty() && System.nanoTime() < end) Thread.sleep(50);
            assertEquals(AgentInfo.PENDING, fx.hub.agent("stranger").orElseThrow().state());
            assertEquals(KeyStore.State.PENDING, fx.hub.keys().byName("stranger").orElseThrow().state());
            Result refused = fx.session.transport("agent").exec(Host.of("stranger"), Command.of("true",
                    fx.session.settings()), OutputSink.NONE);
            assertEquals(Outcome.UNREACHABLE, refused.outcome());
            fx.hub.keys().accept("stranger");
            new AgentProcessWait(fx.hub, "stranger").await(Duration.ofSeconds(10));
            Result ok = fx.session.transport("agent").exec(Host.of("stranger"), Command.of("echo welcome",
                    fx.session.settings()), OutputSink.NONE);
            assertEquals("welcome\n", ok.stdout(), ok::toString);
        }
    }

    @Test
    void anAgentPinningTheWrongHubKeyNeverRegisters() throws Exception {
        try (HubFixture fx = new HubFixture(dir)) {
            AgentProcess wrong = fx.unknown("misled", CurveKeys.generate().publicKey());
            // a fixed pause proved nothing on a loaded machine (the agent's JVM may not have tried yet):
            // wait until its first attempt is over, which it logs before it retries
            Await.until(Duration.ofSeconds(60), "the misled agent to give up its first connection",
                    () -> wrong.log().contains(" silent for "));
            assertTrue(wrong.process.isAlive());
            assertTrue(fx.hub.agent("misled").isEmpty());
            assertTrue(fx.hub.keys().list().isEmpty(), "its key never reached the key store");
        }
    }

    @Test
    void aRejectedKeyIsRefusedAtTheHandshake() throws Exception {
        try (HubFixture fx = new HubFixture(dir)) {
            fx.accepted("bad");
            fx.hub.keys().reject("bad");
            fx.restartHub(); // drops the live connection; the agent then retries with its rejected key
            Await.until(Duration.ofSeconds(30), "the hub to refuse the rejected key", () -> fx.hub.stats().refused() > 0);
            assertFalse(fx.hub.connected("bad"));
        }
    }

    @Test
    void malformedAndOversizedFramesAreDroppedAndTheHubKeepsServing() throws Exception {
        try (HubFixture fx = new HubFixture(dir, c -> c.withMaxMessageBytes(64 * 1024))) {
            fx.accepted("steady");
            CurveKeys rogue = CurveKeys.generate();
            fx.hub.keys().allow("rogue", rogue.publicKey());
            try (ZContext ctx = new ZContext()) {
                ZMQ.Socket raw = ctx.createSocket(SocketType.DEALER);
                raw.setCurveServerKey(ZMQ.Curve.z85Decode(fx.hub.publicKey()));
                raw.setCurvePublicKey(rogue.publicBytes());
                raw.setCurveSecretKey(rogue.secretBytes());
                raw.connect(fx.hub.endpoint());
                // register as an agent would, again if no welcome came: an agent retries the same way,
                // and on a loaded machine the first CURVE handshake can take longer than one wait
                raw.setReceiveTimeOut(5_000);
                byte[] welcome = null;
                for (int attempt = 0; attempt < 4 && welcome == null; attempt++) {
                    raw.send(Codec.encode(new Message.Register("rogue", "0", Map.of(), 1000)));
                    welcome = raw.recv();
                }
                assertTrue(welcome != null, () -> "no welcome for the raw client; " + fx.hub.stats());
                assertInstanceOf(Message.Welcome.class, Codec.decode(welcome));
                raw.send(new byte[] {(byte) 0xff, 0, 1, 2});
                raw.send("{\"t\":\"eval\",\"id\":1,\"code\":\"x\"}");
                raw.send("{\"t\":\"exit\",\"id\":\"not-a-number\"}");
                raw.sendMore("two");
                raw.send("frames");
                raw.send(new byte[200 * 1024]);
                try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), fx.hub.port())) {
                    OutputStream out = plain.getOutputStream();
                    out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[4096]);
                    out.flush();
                }
                Await.until(Duration.ofSeconds(30), "the hub to count four malformed frames",
                        () -> fx.hub.stats().malformed() >= 4);
            }
            Result r = fx.session.transport("agent").exec(Host.of("steady"), Command.of("echo still here",
                    fx.session.settings()), OutputSink.NONE);
            assertEquals("still here\n", r.stdout(), r::toString);
        }
    }

    @Test
    void aBurstPastTheHighWaterMarkGetsAReplyOrAnExplicitErrorForEveryRequest() throws Exception {
        try (HubFixture fx = new HubFixture(dir, c -> c.withHighWaterMark(50))) {
            fx.accepted("flood", "--max-requests", "8");
            List<Hub.Call> calls = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                calls.add(i % 2 == 0
                        ? fx.hub.call("flood", id -> new Message.Ping(id, 0), o -> { }, Duration.ofSeconds(30))
                        : fx.hub.call("flood", Message.Facts::new, o -> { }, Duration.ofSeconds(30)));
            }
            CompletableFuture.allOf(calls.stream().map(Hub.Call::reply).toArray(CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);
            Map<String, Long> kinds = calls.stream().map(c -> c.reply().join())
                    .collect(Collectors.groupingBy(r -> r instanceof Message.ErrorReply e ? e.code()
                            : r.getClass().getSimpleName(), Collectors.counting()));
            assertEquals(5000, kinds.values().stream().mapToLong(Long::longValue).sum());
            assertTrue(kinds.getOrDefault("Pong", 0L) > 0, () -> kinds + fx.logs());
            for (String code : kinds.keySet()) {
                assertTrue(List.of("Pong", "FactsReply", ErrorCode.BUSY.wire(), ErrorCode.QUEUE_FULL.wire())
                        .contains(code), () -> "unexpected outcome " + code + " in " + kinds + " " + fx.hub.stats() + fx.logs());
            }
            assertEquals(0, fx.hub.stats().open());
        }
    }

    /** Waits until an agent is connected to the (possibly new) hub. */
    private record AgentProcessWait(Hub hub, String name) {
        void await(Duration limit) throws InterruptedException {
            long end = System.nanoTime() + limit.toNanos();
            while (!hub.connected(name)) {
                if (System.nanoTime() > end) throw new AssertionError(name + " did not come back within " + limit);
                Thread.sleep(50);
            }
        }
    }
}

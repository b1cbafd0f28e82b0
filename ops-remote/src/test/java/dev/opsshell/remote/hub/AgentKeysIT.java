package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.KeyFingerprint;
import dev.opsshell.agent.protocol.Message;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.testing.Await;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub's key store attacked by raw CURVE clients that know the hub's public key: no name is
 * taken over, the pending area stays bounded, hostile names never become files, and what a peer
 * says about itself is cleaned before it is shown.
 */
class AgentKeysIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long a refused peer is watched for a reply that must not come. */
    private static final Duration SILENCE = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    /** Waits for a state (the shared {@link Await}), adding the hub's counters to the failure. */
    private static void await(String what, BooleanSupplier done, Supplier<String> detail) {
        try {
            Await.until(WAIT, what, done);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; " + detail.get(), e);
        }
    }

    private static boolean printable(String s) {
        return s.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewKeyAskingForAPendingNameGetsNothingAndIsLoggedAndCounted() throws Exception {
        try (HubFixture fx = new HubFixture(dir)) {
            CurveKeys owner = CurveKeys.generate();
            CurveKeys intruder = CurveKeys.generate();
            try (RawPeer first = new RawPeer(fx.hub, owner)) {
                Message.Welcome w = first.registerUntilWelcomed("web1", WAIT);
                assertNotNull(w, fx.hub.stats()::toString);
                assertEquals("pending", w.status());
            }
            try (RawPeer second = new RawPeer(fx.hub, intruder)) {
                second.register("web1", "0", Map.of());
                await("the takeover is counted", () -> fx.hub.stats().takeovers() >= 1, fx.hub.stats()::toString);
                assertNull(second.next(SILENCE), "the newcomer hears nothing");
                second.send(new Message.Heartbeat(1));
                assertNull(second.next(SILENCE), "not even a heartbeat answer");
            }
            KeyStore.Entry filed = fx.hub.keys().byName("web1").orElseThrow();
            assertEquals(owner.publicKey(), filed.key(), "the first key is still the one pending");
            assertEquals(KeyStore.State.PENDING, filed.state());
            assertTrue(fx.hub.keys().byKey(intruder.publicKey()).isEmpty());
            String line = fx.hub.log().stream().filter(l -> l.contains("'web1'")).findFirst().orElseThrow(
                    () -> new AssertionError("no log line about web1: " + fx.hub.log()));
            assertTrue(line.contains(KeyFingerprint.of(owner.publicKey()))
                    && line.contains(KeyFingerprint.of(intruder.publicKey())), line);

            try (RawPeer again = new RawPeer(fx.hub, owner)) {
                Message.Welcome w = again.registerUntilWelcomed("web1", WAIT);
                assertEquals("pending", w == null ? null : w.status(), "the same key registering again is fine");
            }
            long takeovers = fx.hub.stats().takeovers();
            long received = fx.hub.stats().received();
            try (RawPeer retry = new RawPeer(fx.hub, intruder)) {
                retry.register("web1", "0", Map.of());
                await("the intruder's next handshake is refused", () -> fx.hub.stats().takeovers() > takeovers,
                        fx.hub.stats()::toString);
                assertNull(retry.next(SILENCE));
            }
            assertEquals(received, fx.hub.stats().received(), "refused at ZAP: its register never reached the hub");
            assertEquals(1, fx.hub.log().stream().filter(l -> l.contains("'web1'")).count(), "logged once: " + fx.hub.log());
        }
    }

    @Test
    void aNewKeyNeverTakesTheNameOfAnAcceptedOrRejectedAgent() throws Exception {
        try (HubFixture fx = new HubFixture(dir)) {
            AgentProcess agent = fx.accepted("a1");
            fx.hub.keys().allow("r1", CurveKeys.generate().publicKey());
            fx.hub.keys().reject("r1");
            int n = 0;
            for (String name : List.of("a1", "r1")) {
                try (RawPeer impostor = new RawPeer(fx.hub, CurveKeys.generate())) {
                    impostor.register(name, "0", Map.of());
                    long expected = ++n;
                    await(name + " refused", () -> fx.hub.stats().takeovers() >= expected, fx.hub.stats()::toString);
                    assertNull(impostor.next(SILENCE));
                }
            }
            fx.hub.keys().delete("a1"); // the agent stays connected until it leaves: its live name is not given away
            try (RawPeer impostor = new RawPeer(fx.hub, CurveKeys.generate())) {
                impostor.register("a1", "0", Map.of());
                await("a1 (connected) refused", () -> fx.hub.stats().takeovers() >= 3, fx.hub.stats()::toString);
                assertNull(impostor.next(SILENCE));
            }
            assertTrue(fx.hub.connected("a1"), fx.logs());
            assertEquals(AgentInfo.CONNECTED, fx.hub.agent("a1").orElseThrow().state());
            Result r = fx.session.transport("agent").exec(Host.of("a1"), Command.of("echo still mine",
                    fx.session.settings()), OutputSink.NONE);
            assertEquals("still mine\n", r.stdout(), r::toString);
            assertEquals(KeyStore.State.REJECTED, fx.hub.keys().byName("r1").orElseThrow().state());
            assertTrue(agent.process.isAlive());
        }
    }

    @Test
    void hostileNamesFromARawClientAreRefusedAndNeverBecomeFiles() throws Exception {
        try (HubFixture fx = new HubFixture(dir)) {
            List<String> hostile = Arrays.asList("../../escape", "a/b", "..", ".", "\u001b]0;pwned\u0007web",
                    "web\u0000", "x".repeat(200), "", " web", "@", null);
            List<RawPeer> peers = new ArrayList<>();
            try {
                for (String name : hostile) {
                    RawPeer p = new RawPeer(fx.hub, CurveKeys.generate());
                    peers.add(p);
                    p.register(name, "0", Map.of());
                }
                await("every hostile name refused", () -> fx.hub.stats().refused() >= hostile.size(),
                        fx.hub.stats()::toString);
                for (RawPeer p : peers) assertNull(p.next(Duration.ofMillis(100)));
            } finally {
                peers.forEach(RawPeer::close);
            }
            for (String folder : List.of("pending", "accepted", "rejected")) {
                assertEquals(List.of(), files(fx.config.keyDir().resolve(folder)), folder);
            }
            assertEquals(List.of("accepted", "hub.key", "hub.pub", "pending", "rejected"), files(fx.config.keyDir()));
            assertTrue(fx.hub.agents().isEmpty(), fx.hub.agents()::toString);
            assertTrue(fx.hub.log().stream().anyMatch(l -> l.contains("not a valid agent name")), fx.hub.log()::toString);
            fx.hub.log().forEach(l -> assertTrue(printable(l), "unprintable log line: " + l));
        }
    }

    @Test
    void whatAPeerSaysAboutItselfIsCleanedBeforeItIsShown() throws Exception {
        try (HubFixture fx = new HubFixture(dir);
             RawPeer peer = new RawPeer(fx.hub, CurveKeys.generate())) {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("os", "\u001b]0;owned\u0007Debian\u202e");
            facts.put("\u001b[2J", "clear");
            facts.put("motd", "x".repeat(5000));
            peer.register("web9", "\u001b[31m9.9\u009b", facts);
            await("web9 pending", () -> fx.hub.agent("web9").isPresent(), fx.hub.stats()::toString);
            AgentInfo info = fx.hub.agent("web9").orElseThrow();
            assertEquals("[31m9.9", info.version());
            assertEquals("]0;ownedDebian", info.facts().get("os"));
            assertEquals("clear", info.facts().get("[2J"));
            assertTrue(info.facts().get("motd").length() <= 1025, "cut to a bounded length");
            String table = new AgentTable(fx.hub.endpoint(), fx.hub.agents()).toString();
            assertTrue(printable(table.replace("\n", "")), table);
            assertTrue(table.contains(KeyFingerprint.of(peer.keys.publicKey())), table);
        }
    }

    @Test
    void aFloodOfUnknownKeysFillsThePendingAreaOnlyToItsLimitAndTheOperatorIsToldOnce() throws Exception {
        try (HubFixture fx = new HubFixture(dir, c -> c.withMaxPending(3))) {
            for (int i = 0; i < 3; i++) {
                try (RawPeer p = new RawPeer(fx.hub, CurveKeys.generate())) {
                    assertNotNull(p.registerUntilWelcomed("flood" + i, WAIT), fx.hub.stats()::toString);
                }
            }
            for (int i = 3; i < 6; i++) {
                long refusedSoFar = fx.hub.stats().pendingFull();
                try (RawPeer p = new RawPeer(fx.hub, CurveKeys.generate())) {
                    p.register("flood" + i, "0", Map.of());
                    await("flood" + i + " refused", () -> fx.hub.stats().pendingFull() > refusedSoFar,
                            fx.hub.stats()::toString);
                    assertNull(p.next(SILENCE));
                }
            }
            assertEquals(List.of("flood0", "flood1", "flood2"), files(fx.config.keyDir().resolve("pending")));
            assertEquals(1, fx.hub.log().stream().filter(l -> l.contains("pending area holds 3 keys")).count(),
                    fx.hub.log()::toString);
            fx.hub.keys().reject("flood0");
            try (RawPeer p = new RawPeer(fx.hub, CurveKeys.generate())) {
                assertNotNull(p.registerUntilWelcomed("late", WAIT), "room again once the operator dealt with one");
            }
        }
    }
}

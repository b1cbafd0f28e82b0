package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.KeyFingerprint;
import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;

import static dev.opsshell.remote.AgentOps.acceptAgent;
import static dev.opsshell.remote.AgentOps.agent;
import static dev.opsshell.remote.AgentOps.agentHosts;
import static dev.opsshell.remote.AgentOps.agents;
import static dev.opsshell.remote.AgentOps.downgrade;
import static dev.opsshell.remote.AgentOps.facts;
import static dev.opsshell.remote.AgentOps.ping;
import static dev.opsshell.remote.Ops.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's agent vocabulary against a hub with real agents. */
class AgentOpsIT {
    @TempDir
    static Path dir;
    static HubFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new HubFixture(dir);
        Session.setCurrent(fx.session);
        fx.accepted("w1");
        fx.accepted("w2");
    }

    @AfterAll
    static void stop() {
        Session.setCurrent(null);
        fx.close();
    }

    @Test
    void hostsViaAgentRunTheSameOperationsAsOverSsh() {
        Results r = Hosts.of("web", List.of(Host.of("w1"), Host.of("w2"))).via(agent()).exec("echo $((6*7))");
        assertTrue(r.allOk(), r::toString);
        r.forEach(x -> assertEquals("42\n", x.stdout()));
        r.forEach(x -> assertEquals("agent", x.transport()));
    }

    @Test
    void downgradeRunsOverSshWhereNoAgentIsConnectedAndSaysSo() {
        Host ghost = new Host("ghost", "127.0.0.1", 1, "nobody", Map.of(), List.of());
        Results r = Hosts.of("mixed", List.of(Host.of("w1"), ghost)).run(downgrade(exec("echo hi")));
        assertEquals("agent", r.get("w1").transport());
        assertEquals("hi\n", r.get("w1").stdout());
        assertEquals("ssh", r.get("ghost").transport(), r.get("ghost")::toString);
        assertTrue(r.get("ghost").outcome().isConnectionProblem());
    }

    @Test
    void factsAndPingAnswerForEveryAgent() {
        Results f = Hosts.of("web", List.of(Host.of("w1"), Host.of("w2"))).run(facts());
        assertTrue(f.allOk(), f::toString);
        assertTrue(f.get("w1").stdout().contains("arch=" + System.getProperty("os.arch")), f.get("w1").stdout());
        Results p = Hosts.of("web", List.of(Host.of("w1"), Host.of("nobody"))).run(ping());
        assertTrue(p.get("w1").stdout().startsWith("pong "), p.get("w1").stdout());
        assertEquals(Outcome.UNREACHABLE, p.get("nobody").outcome());
    }

    @Test
    void aPatternAlsoMatchesConnectedAgentsByNameAndStarMeansAll() {
        assertEquals(List.of("w1", "w2"), agentHosts("*").names());
        assertEquals(List.of("w2"), agentHosts("w2").names());
        assertEquals("agent", agentHosts("w*").via());
    }

    @Test
    void theAgentTableListsConnectedAndPendingAgentsAndAcceptsOnlyTheFingerprintTheAgentLogged() throws Exception {
        AgentProcess newcomer = fx.unknown("newcomer", fx.hub.publicKey());
        Await.until(Duration.ofSeconds(30), "newcomer to be pending", () -> agents().pending().contains("newcomer"));
        String table = agents().toString();
        assertTrue(table.contains("w1") && table.contains("connected"), table);
        assertTrue(agents().pending().contains("newcomer"), table);
        Matcher logged = Pattern.compile("fingerprint (SHA256:\\S+)").matcher(newcomer.log());
        assertTrue(logged.find(), newcomer::log);
        String fingerprint = logged.group(1); // as the operator reads it on the agent's machine
        assertTrue(table.contains(fingerprint), table);
        String other = KeyFingerprint.of(CurveKeys.generate().publicKey());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> acceptAgent("newcomer", other));
        assertTrue(wrong.getMessage().contains("has fingerprint " + fingerprint), wrong.getMessage());
        assertEquals(KeyStore.State.PENDING, fx.hub.keys().byName("newcomer").orElseThrow().state());
        KeyStore.Entry accepted = acceptAgent("newcomer", fingerprint);
        assertEquals("newcomer accepted " + fingerprint, accepted.toString());
        Await.until(Duration.ofSeconds(30), "newcomer to connect once accepted",
                () -> agents().connected().contains("newcomer"));
    }
}

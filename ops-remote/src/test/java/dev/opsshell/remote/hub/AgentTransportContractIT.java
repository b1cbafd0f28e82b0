package dev.opsshell.remote.hub;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.remote.contract.TransportContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transport contract through a real hub to an agent in its own JVM, running as root. */
class AgentTransportContractIT extends TransportContract {
    static final String AGENT = "contract-agent";
    @TempDir
    static Path dir;
    private HubFixture fx;

    @Override
    protected void open() throws Exception {
        fx = new HubFixture(dir);
        fx.accepted(AGENT);
    }

    @Override
    protected void close() {
        if (fx != null) fx.close();
    }

    @Override
    public Transport transport() {
        return fx.session.transport(AgentTransport.NAME);
    }

    @Override
    public Session session() {
        return fx.session;
    }

    @Override
    public Host host(Map<String, String> vars) {
        return new Host(AGENT, AGENT, 0, null, vars, List.of());
    }

    @Override
    public String startDirectory() {
        return System.getProperty("user.home"); // the agent runs as this JVM's user
    }

    @Override
    public String transportName() {
        return AgentTransport.NAME;
    }

    // ---- what an agent cannot do: type a sudo password

    @Test
    void anAgentThatIsNotRootCannotSudoWithAPasswordAndSaysWhatToDo() throws Exception {
        Path keyDir = Files.createTempDirectory("contract-opsuser-agent"); // not under the root-only @TempDir
        fx.hub.keys().allow("contract-opsuser", AgentProcess.keyOf(keyDir));
        AgentProcess opsuser = AgentProcess.startAs("opsuser", fx.hub.endpoint(), fx.hub.publicKey(), "contract-opsuser",
                keyDir);
        try {
            opsuser.awaitConnected(fx.hub, Duration.ofSeconds(30));
            Host host = new Host("contract-opsuser", "contract-opsuser", 0, null, Map.of(), List.of());
            Result plain = transport().exec(host, command("id -un"), OutputSink.NONE);
            assertEquals("opsuser\n", plain.stdout(), plain::toString);
            Result r = transport().exec(host, command("id -un").withSudo(true), OutputSink.NONE);
            assertEquals(Outcome.FAILED, r.outcome(), r::toString);
            assertTrue(r.message().startsWith("sudo on agent contract-opsuser needs a password to become 'root'"),
                    r.message());
            assertTrue(r.message().contains("no password is ever sent to an agent"), r.message());
        } finally {
            opsuser.close();
            try (var files = Files.walk(keyDir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }
}

package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.remote.hub.AgentDeploy;
import dev.opsshell.remote.hub.AgentInfo;
import dev.opsshell.remote.hub.Hub;
import dev.opsshell.remote.hub.HubConfig;
import dev.opsshell.remote.hub.KeyStore;
import dev.opsshell.remote.hub.SessionHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deploying agents over real SSH (the loopback OpenSSH lab) as one operation. */
@ExtendWith(SshLab.class)
class AgentDeployIT {
    @TempDir
    Path dir;

    @Test
    void deployingOverSshStartsAnAgentThatRegistersAlreadyAcceptedAndRunsCommands() throws Exception {
        SshLab.Lab lab = SshLab.lab();
        Path jar = Path.of("../ops-agent/target/ops-agent.jar").toAbsolutePath();
        Path remoteDir = dir.resolve("remote");
        Host host = lab.host("deployed1", "127.0.1.9", "root", Map.of("ops_agent_dir", remoteDir.toString()));
        int port = 25580 + (int) (ProcessHandle.current().pid() % 10);
        try (Session session = lab.session();
             Hub hub = Hub.start(HubConfig.defaults(port).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub")))) {
            Session.setCurrent(session);
            SessionHub.use(session, new Shared(hub));
            try {
                Results first = AgentDeploy.deploy(Hosts.of("d", List.of(host)), AgentDeploy.Target.of(hub), jar, null,
                        Duration.ofSeconds(60));
                assertTrue(first.allOk(), first::toString);
                assertEquals("ssh", first.get("deployed1").transport());
                assertEquals(KeyStore.State.ACCEPTED, hub.keys().byName("deployed1").orElseThrow().state());
                Result r = session.transport("agent").exec(host, Command.of("echo deployed", session.settings()),
                        OutputSink.NONE);
                assertEquals("deployed\n", r.stdout(), r::toString);
                assertEquals("agent", r.transport());

                Instant before = Instant.now();
                Results again = AgentDeploy.deploy(Hosts.of("d", List.of(host)), AgentDeploy.Target.of(hub), jar, null,
                        Duration.ofSeconds(60));
                assertTrue(again.allOk(), again::toString);
                AgentInfo now = hub.agent("deployed1").orElseThrow();
                assertTrue(now.since().isAfter(before), "the redeployed agent replaced the first one");
            } finally {
                Session.setCurrent(null);
                kill(remoteDir.resolve("agent.pid"));
            }
        }
    }

    private static void kill(Path pidFile) throws Exception {
        if (!Files.exists(pidFile)) return;
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** The test's hub lent to the session, which must not close it before the test does. */
    private record Shared(Hub hub) implements dev.opsshell.remote.hub.AgentLink {
        public Hub.Call call(String a, java.util.function.LongFunction<dev.opsshell.agent.protocol.Message.Request> r,
                             java.util.function.Consumer<dev.opsshell.agent.protocol.Message.Output> o, Duration d) {
            return hub.call(a, r, o, d);
        }

        public void cancel(String a, long id) {
            hub.cancel(a, id);
        }

        public List<AgentInfo> agents() {
            return hub.agents();
        }

        public boolean connected(String a) {
            return hub.connected(a);
        }

        public String endpoint() {
            return hub.endpoint();
        }

        public void close() {
            // closed by the test
        }
    }
}

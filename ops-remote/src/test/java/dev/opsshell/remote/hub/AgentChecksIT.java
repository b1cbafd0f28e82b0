package dev.opsshell.remote.hub;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.remote.check.CheckReport;
import dev.opsshell.remote.check.CheckWorld;
import dev.opsshell.remote.check.WorldVerdicts;
import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.opsshell.remote.AgentOps.agent;
import static dev.opsshell.remote.Ops.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same checks and goss file through real agents (separate JVMs behind a hub) as over SSH:
 * the probe script runs as one agent request per host. The lab's sshd is started for the port
 * and addr checks (a real sshd listening).
 */
@ExtendWith(SshLab.class)
class AgentChecksIT {
    @TempDir
    static Path dir;
    static HubFixture fx;
    static CheckWorld world;
    static Hosts hosts;

    @BeforeAll
    static void start() throws Exception {
        world = new CheckWorld(Path.of("target", "check-world-agent").toAbsolutePath(), SshLab.lab().port());
        fx = new HubFixture(dir);
        Session.setCurrent(fx.session);
        fx.accepted("c1");
        fx.accepted("c2");
        hosts = Hosts.of("agents", List.of(Host.of("c1"), Host.of("c2"))).via(agent());
    }

    @AfterAll
    static void stop() throws Exception {
        Session.setCurrent(null);
        fx.close();
        world.close();
    }

    @Test
    void everyCheckPassesOrFailsOverAgentsAsOverSsh() throws Exception {
        CheckReport report = check(hosts, WorldVerdicts.all(world));
        report.runs().forEach(r -> assertEquals("agent", r.transport(), r::toString));
        WorldVerdicts.assertVerdicts(report, world, 2);
    }

    @Test
    void aGossFileGivesTheSameVerdictsOverAgents() throws Exception {
        Path yaml = world.dir.resolve("goss.yaml");
        Files.writeString(yaml, world.gossYaml());
        WorldVerdicts.assertSameVerdicts(hosts, world, yaml);
    }

    @Test
    void aHostWithNoAgentIsAnErrorForEachOfItsChecksAndExitCode4() throws Exception {
        Hosts mixed = Hosts.of("mixed", List.of(Host.of("c1"), Host.of("nobody"))).via(agent());
        CheckReport report = check(mixed, WorldVerdicts.all(world));
        assertEquals(4, report.exitCode());
        assertTrue(report.byHost().get(Host.of("nobody")).stream()
                .allMatch(r -> r.verdict() == dev.opsshell.remote.check.Verdict.ERROR && r.message().startsWith("unreachable")), report::toString);
    }
}

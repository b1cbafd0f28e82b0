package dev.opsshell.remote.hub;

import dev.opsshell.core.Session;
import dev.opsshell.core.facts.Facts;
import dev.opsshell.core.facts.FactsResults;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.remote.services.ServiceState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.opsshell.remote.AgentOps.agent;
import static dev.opsshell.remote.Everyday.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The everyday operations through real agent processes: the same scripts, the agent's exec and upload. */
class EverydayAgentIT {
    @TempDir
    static Path dir;
    static HubFixture fx;
    static Hosts agents;

    @BeforeAll
    static void startAgents() throws Exception {
        fx = new HubFixture(dir);
        Session.setCurrent(fx.session);
        fx.accepted("a1");
        fx.accepted("a2");
        agents = Hosts.of("agents", List.of(Host.of("a1"), Host.of("a2"))).via(agent());
    }

    @AfterAll
    static void stopAgents() {
        Session.setCurrent(null);
        fx.close();
    }

    @Test
    void factsComeThroughTheAgentTyped() {
        FactsResults f = facts(agents);
        assertTrue(f.results().allOk(), f.results()::toString);
        Facts a1 = f.get("a1");
        assertTrue(a1.os().is("debian"), a1::toString);
        assertEquals(System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch"), a1.arch());
        assertEquals("agent", f.results().get("a1").transport());
        assertEquals(List.of("a1", "a2"), agents.where(x -> x.cpus() > 0).names());
    }

    @Test
    void packagesServicesAndPortsAnswerThroughTheAgent() {
        assertTrue(installed(agents, "openssh-server").get("a2").isInstalled("openssh-server"));
        Results missing = agents.run(start("ops-no-such-service"));
        assertEquals(6, missing.get("a1").exitCode(), missing::toString);
        ServiceState ssh = service(agents, "ssh").get("a1");
        assertEquals("sysv", ssh.via());
        assertFalse(ports(agents).get("a1").isEmpty());
    }

    @Test
    void filesWrittenAndSyncedTwiceThroughTheAgentChangeNothingTheSecondTime() throws Exception {
        Path remote = Files.createDirectories(dir.resolve("remote"));
        Hosts a1 = Hosts.of("a1", List.of(Host.of("a1"))).via(agent());
        String file = remote + "/motd";
        assertTrue(a1.run(write(file, "hello from {{ nothing }}\n")).get("a1").stdout().startsWith("changed: "));
        assertTrue(a1.run(write(file, "hello from {{ nothing }}\n")).get("a1").stdout().startsWith("unchanged: "));
        assertEquals("hello from {{ nothing }}\n", Files.readString(Path.of(file)), "write writes the text as it is");
        var tpl = template(remote + "/{{ inventory_hostname }}.conf", "host={{ inventory_hostname }} cpus={{ facts.cpus }}\n", Map.of(), facts(a1));
        assertTrue(a1.run(tpl).get("a1").stdout().startsWith("changed: "));
        assertTrue(a1.run(tpl).get("a1").stdout().startsWith("unchanged: "));
        assertEquals("host=a1 cpus=" + Runtime.getRuntime().availableProcessors() + "\n", Files.readString(remote.resolve("a1.conf")));

        Path local = Files.createDirectories(dir.resolve("local/conf.d"));
        Files.writeString(local.resolve("one.conf"), "1\n");
        Files.writeString(dir.resolve("local/top.txt"), "top\n");
        Result first = a1.run(sync(dir.resolve("local").toString(), remote + "/synced")).get("a1");
        assertTrue(first.stdout().startsWith("changed: 2 of 2 files"), first::toString);
        Result second = a1.run(sync(dir.resolve("local").toString(), remote + "/synced")).get("a1");
        assertTrue(second.stdout().startsWith("unchanged: 2 files"), second::toString);
        assertEquals("1\n", Files.readString(remote.resolve("synced/conf.d/one.conf")));
        Path single = Files.writeString(dir.resolve("single.bin"), "payload\n");
        assertTrue(a1.run(putFile(single.toString(), remote + "/single.bin")).get("a1").stdout().startsWith("changed: "));
        assertTrue(a1.run(putFile(single.toString(), remote + "/single.bin")).get("a1").stdout().startsWith("unchanged: "));
    }
}

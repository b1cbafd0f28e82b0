package dev.opsshell.remote.check;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.opsshell.remote.Ops.check;
import static dev.opsshell.remote.check.Checks.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every check, passing and failing for a real reason, on loopback OpenSSH hosts; and a goss file saying the same. */
@ExtendWith(SshLab.class)
class SshChecksIT {
    static CheckWorld world;
    static Session session;
    static Hosts hosts;

    @BeforeAll
    static void start() throws Exception {
        SshLab.Lab lab = SshLab.lab();
        world = new CheckWorld(Path.of("target", "check-world").toAbsolutePath(), lab.port());
        session = lab.session();
        Session.setCurrent(session);
        hosts = Hosts.of("lab", lab.hosts(3)).via("ssh");
    }

    @AfterAll
    static void stop() throws Exception {
        session.close();
        Session.setCurrent(null);
        world.close();
    }

    @Test
    void everyCheckPassesWhereItHoldsAndFailsWithTheObservedValueWhereItDoesNot() throws Exception {
        WorldVerdicts.assertVerdicts(check(hosts, WorldVerdicts.all(world)), world, 3);
    }

    @Test
    void whatCannotBeObservedIsSaidNotGuessed() {
        String missing = world.dir.resolve("missing.conf").toString();
        CheckReport r = check(hosts.filter(h -> h.name().equals("127.0.1.1")),
                kernelParam("ops.no_such_param").value("1"),
                file(missing).mode("0644"),
                cmd("sleep 5").timeout(java.time.Duration.ofMillis(300)).exitStatus(0));
        List<CheckResult> l = r.results();
        assertEquals(Verdict.ERROR, l.get(0).verdict(), l.get(0)::line);
        assertEquals("cannot read /proc/sys/ops/no_such_param", l.get(0).message());
        assertEquals(Verdict.FAIL, l.get(1).verdict());
        assertEquals("(no such file)", l.get(1).observed());
        assertEquals(Verdict.FAIL, l.get(2).verdict());
        assertEquals("124", l.get(2).observed());
        assertTrue(l.get(2).line().endsWith("(timed out (exit 124 from timeout(1)))"), l.get(2)::line);
        assertEquals(5, r.exitCode());
    }

    @Test
    void asAnOperationAHostIsOkWhenAllItsChecksPassAndSkippedChecksAreNotProbed() {
        var op = dev.opsshell.remote.Ops.check(file(world.file.toString()).mode("0640"),
                file("/ops-nowhere").exists().skipped());
        dev.opsshell.core.result.Results ok = hosts.run(op);
        assertTrue(ok.allOk(), ok::toString);
        assertTrue(ok.get("127.0.1.2").stdout().contains("- File: /ops-nowhere: exists skipped"), ok::toString);
        dev.opsshell.core.result.Results bad = hosts.run(dev.opsshell.remote.Ops.check(file(world.file.toString()).mode("0600")));
        assertEquals(3, bad.failed().size());
        assertTrue(bad.get("127.0.1.3").stdout().contains("expected \"0600\", observed \"0640\""), bad::toString);
        assertEquals(5, bad.exitCode());
        assertTrue(ProbeScript.compile(List.of(file("/ops-nowhere").exists().skipped())).subjects().isEmpty(),
                "a skipped check is not probed");
    }

    @Test
    void aProbeCutShortByTheOutputCapIsAnErrorNotAVerdict() {
        session.update(s -> s.withOutputCap(64));
        try {
            CheckReport r = check(hosts, file("/etc/services").contains("ssh"), user("root").exists());
            assertTrue(r.results().stream().allMatch(c -> c.verdict() == Verdict.ERROR
                    && c.message().equals("the probe's output was cut short (output cap reached)")), r::toString);
        } finally {
            session.update(s -> s.withOutputCap(dev.opsshell.core.transport.Settings.defaults().outputCap()));
        }
    }

    @Test
    void aGossFileGivesTheVerdictsTheSameChecksGive() throws Exception {
        Path yaml = world.dir.resolve("goss.yaml");
        Files.writeString(yaml, world.gossYaml());
        WorldVerdicts.assertSameVerdicts(hosts, world, yaml);
    }

}

package dev.opsshell.remote.everyday;

import dev.opsshell.core.Session;
import dev.opsshell.core.facts.Facts;
import dev.opsshell.core.facts.FactsResults;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.pipeline.Stage;
import dev.opsshell.core.result.HostValues;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.remote.machine.ListeningPort;
import dev.opsshell.remote.packages.InstalledPackages;
import dev.opsshell.remote.services.ServiceState;
import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.opsshell.remote.Everyday.*;
import static dev.opsshell.remote.Ops.pick;
import static dev.opsshell.remote.Ops.run;
import static dev.opsshell.remote.Ops.successful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The everyday operations on the loopback OpenSSH lab (127.0.1.x are this machine, reached as
 * root over SSH): real facts, real packages from the Debian archive, a real init.d service, files
 * written twice.
 */
@ExtendWith(SshLab.class)
class EverydaySshIT {
    private final SshLab.Lab lab = SshLab.lab();
    private Session session;
    private Hosts three;
    @TempDir
    Path tmp;

    @BeforeEach
    void open() {
        session = lab.session();
        Session.setCurrent(session);
        three = Hosts.of("lab", lab.hosts(3)).via("ssh");
    }

    @AfterEach
    void close() {
        session.close();
        Session.setCurrent(null);
    }

    private String unique(String what) {
        return "/tmp/ops-everyday-" + what + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    @Test
    void factsAreTypedPerHostAndFilterHostsAndAnUnreachableHostIsLeftOutAndRecorded() {
        FactsResults f = facts(three);
        assertTrue(f.results().allOk(), f.results()::toString);
        assertEquals(3, f.size());
        Facts one = f.get("127.0.1.1");
        assertTrue(one.os().is("debian"), one::toString);
        assertEquals(Runtime.getRuntime().availableProcessors(), one.cpus());
        assertTrue(one.memory().total() > 0 && one.uptime().toSeconds() > 0, one::toString);
        assertTrue(one.disks().stream().anyMatch(m -> m.path().equals("/")), one.mounts()::toString);
        assertTrue(one.addresses().stream().anyMatch(a -> a.address().equals("127.0.0.1")), one.addresses()::toString);
        assertTrue(one.problems().isEmpty(), one.problems()::toString);
        assertTrue(f.toString().contains("127.0.1.3  debian"), f::toString);
        Host down = new Host("down", "127.0.1.4", 1, "root", Map.of("ansible_ssh_private_key_file", lab.key().toString()), List.of());
        Hosts mixed = Hosts.of("mixed", List.of(lab.host("127.0.1.1"), down)).via("ssh");
        assertEquals(List.of("127.0.1.1"), mixed.where(x -> x.os().is("debian")).names());
        assertEquals(4, session.exitStatus().code(), "the unreachable host's failure is recorded");
        assertEquals(List.of(), three.where(x -> x.os().is("alpine")).names());
    }

    @Test
    void theSameOperationsRunThroughTheLocalTransportForLocalhost() throws Exception {
        Hosts local = Hosts.of("localhost", List.of(Host.of("localhost")));
        FactsResults f = facts(local);
        assertEquals("local", f.results().get("localhost").transport());
        assertTrue(f.get("localhost").os().is("debian"), f::toString);
        String file = tmp.resolve("local.conf").toString();
        assertTrue(local.run(write(file, "a=1\n")).get("localhost").stdout().startsWith("changed: "));
        assertTrue(local.run(write(file, "a=1\n")).get("localhost").stdout().startsWith("unchanged: "));
        assertEquals("a=1\n", Files.readString(Path.of(file)));
    }

    @Test
    void installedVersionsAreTheOnesDpkgKnows() throws Exception {
        HostValues<InstalledPackages> v = installed(three, "openssh-server", "ops-no-such-package");
        assertTrue(v.results().allOk(), v.results()::toString);
        String dpkg = new String(new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "openssh-server").start()
                .getInputStream().readAllBytes());
        for (InstalledPackages p : v.list()) {
            assertEquals(dpkg, p.version("openssh-server").orElseThrow());
            assertFalse(p.isInstalled("ops-no-such-package"));
        }
    }

    @Test
    void aRealPackageIsInstalledThenRemovedFromTheDebianArchive() {
        session.update(s -> s.withCommandTimeout(Duration.ofMinutes(10))); // a slow archive is waited for, not failed
        Hosts one = Hosts.of("one", List.of(lab.host("127.0.1.1"))).via("ssh");
        Duration lockWait = Duration.ofMinutes(5); // other developers' apt-get runs share this machine
        Results gone = one.run(remove(lockWait, "sl"));
        assertTrue(gone.allOk(), gone::toString);
        Results in = one.run(install(lockWait, "sl"));
        assertTrue(in.allOk(), in::toString);
        assertTrue(installed(one, "sl").get("127.0.1.1").isInstalled("sl"));
        assertTrue(Files.isExecutable(Path.of("/usr/games/sl")));
        Results out = one.run(remove(lockWait, "sl"));
        assertTrue(out.allOk(), out::toString);
        assertFalse(installed(one, "sl").get("127.0.1.1").isInstalled("sl"));
    }

    @Test
    void aHeldDpkgLockIsAPerHostFailureAfterTheBoundedWaitNotAHang() throws Exception {
        Results r;
        try (DpkgLock held = new DpkgLock()) {
            r = three.run(install(Duration.ofSeconds(2), "sl"));
        }
        assertEquals(3, r.failed().size(), r::toString);
        for (Result x : r) {
            assertEquals(75, x.exitCode(), x::toString);
            assertTrue(x.stderr().contains("apt's lock is still held after 2s (held by process " + ProcessHandle.current().pid()),
                    x::toString);
        }
    }

    @Test
    void updatePickSuccessfulThenTheNextStepReadsAsInReMoteAndAnUnknownManagerStaysBehind() {
        session.update(s -> s.withCommandTimeout(Duration.ofMinutes(10)));
        Host odd = new Host("odd", "127.0.1.2", lab.port(), "root",
                Map.of("ansible_ssh_private_key_file", lab.key().toString(), "ops_package_manager", "portage"), List.of());
        Hosts hosts = Hosts.of("two", List.of(lab.host("127.0.1.1"), odd)).via("ssh");
        Results updated = update(hosts);
        // the next step is a query here: an upgrade() in its place would upgrade this shared machine
        Stage s = run(updated, pick(successful()), dev.opsshell.remote.packages.Packages.query(List.of("openssh-server")));
        assertEquals(List.of("127.0.1.1"), s.hosts().names(), s::toString);
        assertTrue(s.results().get("127.0.1.1").stdout().startsWith("openssh-server\t"), s::toString);
        Result refused = updated.get("odd");
        assertEquals(Outcome.ERROR, refused.outcome());
        assertTrue(refused.message().startsWith("unknown package manager 'portage' (ops_package_manager of odd)"), refused::toString);
        assertTrue(updated.get("127.0.1.1").ok(), updated::toString);
    }

    @Test
    void anInitDServiceIsStartedStatedEnabledAndStoppedThroughTheFallback() {
        String name = "ops-it-svc-" + ProcessHandle.current().pid();
        long seconds = 900000 + ProcessHandle.current().pid() % 99999;
        Hosts one = Hosts.of("one", List.of(lab.host("127.0.1.1"))).via("ssh");
        assertTrue(one.run(write("/etc/init.d/" + name, InitdService.script(name, seconds))).allOk());
        assertTrue(one.run(chmod("755", "/etc/init.d/" + name)).allOk());
        try {
            assertFalse(service(one, name).get("127.0.1.1").running());
            Results started = one.run(start(name));
            assertTrue(started.allOk(), started::toString);
            ServiceState s = service(one, name).get("127.0.1.1");
            assertEquals(new ServiceState(name, "sysv", true, false), s);
            assertEquals(1, processes(one, "sleep " + seconds).get("127.0.1.1").size());
            assertTrue(one.run(enable(name)).allOk());
            assertEquals(Boolean.TRUE, service(one, name).get("127.0.1.1").enabled());
            assertTrue(one.run(disable(name)).allOk());
            assertEquals(Boolean.FALSE, service(one, name).get("127.0.1.1").enabled());
            assertTrue(one.run(restart(name)).allOk());
            assertTrue(one.run(stop(name)).allOk());
            assertFalse(service(one, name).get("127.0.1.1").running());
            assertEquals(0, processes(one, "sleep " + seconds).get("127.0.1.1").size());
        } finally {
            one.exec("/etc/init.d/" + name + " stop; update-rc.d -f " + name + " remove; rm -f /etc/init.d/" + name);
        }
        Results missing = one.run(start(name));
        assertEquals(6, missing.get("127.0.1.1").exitCode(), missing::toString);
        assertTrue(missing.get("127.0.1.1").stderr().contains("no service '" + name + "'"), missing::toString);
    }

    @Test
    void filesWrittenTemplatedAndSyncedTwiceChangeNothingTheSecondTime() throws Exception {
        String dir = unique("files");
        assertTrue(three.run(mkdir(dir)).allOk()); // the lab's hosts share one filesystem: one of them made it
        assertEquals(3, three.run(mkdir(dir)).where(unchanged()).size(), "the second mkdir changes nothing");
        var tpl = template(dir + "/app-{{ inventory_hostname }}.conf", "name={{ inventory_hostname }} os={{ facts.os }} port={{ port }}\n",
                Map.of("port", "8080"), facts(three));
        Results first = three.run(tpl);
        assertEquals(3, first.where(changed()).size(), first::toString);
        assertEquals("name=127.0.1.2 os=debian port=8080\n", Files.readString(Path.of(dir, "app-127.0.1.2.conf")));
        Results second = three.run(tpl);
        assertEquals(3, second.where(unchanged()).size(), second::toString);
        Hosts one = Hosts.of("one", List.of(lab.host("127.0.1.1"))).via("ssh");
        String file = dir + "/app-127.0.1.1.conf";
        for (var op : List.of(lineInFile(file, "extra=1"), chmod("0640", file))) {
            assertTrue(one.run(op).get("127.0.1.1").stdout().startsWith("changed: "), op::title);
            assertTrue(one.run(op).get("127.0.1.1").stdout().startsWith("unchanged: "), op.title() + " a second time");
        }
        assertTrue(one.run(chown("root:root", file)).get("127.0.1.1").stdout().startsWith("unchanged: "), "root owned it already");
        assertEquals("name=127.0.1.1 os=debian port=8080\nextra=1\n", Files.readString(Path.of(file)));
        assertEquals("640", Integer.toOctalString(((Integer) Files.getAttribute(Path.of(file), "unix:mode")) & 0777));

        Path local = Files.createDirectories(tmp.resolve("site/css"));
        Files.writeString(tmp.resolve("site/index.html"), "<h1>hi</h1>\n");
        Files.writeString(local.resolve("a.css"), "h1{}\n");
        Files.writeString(tmp.resolve("site/robots.txt"), "User-agent: *\n");
        String target = dir + "/site";
        Result s1 = one.run(sync(tmp.resolve("site").toString(), target)).get("127.0.1.1");
        assertTrue(s1.stdout().startsWith("changed: 3 of 3 files"), s1::toString);
        Result s2 = one.run(sync(tmp.resolve("site").toString(), target)).get("127.0.1.1");
        assertTrue(s2.stdout().startsWith("unchanged: 3 files"), s2::toString);
        Files.writeString(local.resolve("a.css"), "h1{color:red}\n");
        Result s3 = one.run(sync(tmp.resolve("site").toString(), target)).get("127.0.1.1");
        assertEquals("changed: 1 of 3 files in " + target + " (css/a.css)\n", s3.stdout());
        assertEquals("h1{color:red}\n", Files.readString(Path.of(target, "css/a.css")));
        assertTrue(one.run(rm(dir)).get("127.0.1.1").stdout().startsWith("changed"));
        assertTrue(one.run(rm(dir)).get("127.0.1.1").stdout().startsWith("unchanged"));
    }

    @Test
    void aMissingFileOrDirectoryIsAClearPerHostFailure() {
        String dir = unique("missing");
        Result chmod = three.run(chmod("600", dir + "/nothing")).get("127.0.1.2");
        assertEquals(2, chmod.exitCode());
        assertTrue(chmod.stderr().contains("no such file " + dir + "/nothing"), chmod::toString);
        Result write = three.run(write(dir + "/sub/file", "x")).get("127.0.1.3");
        assertEquals(2, write.exitCode());
        assertTrue(write.stderr().contains("directory " + dir + "/sub does not exist on "), write::toString);
        assertTrue(write.stderr().contains("mkdir(\"" + dir + "/sub\") first"), write::toString);
    }

    @Test
    void aHostFailingHalfWayThroughAPipelineLeavesTheOthersGoingAndItsFailureInTheResults() throws Exception {
        String dir = unique("halfway");
        Host noVar = lab.host("127.0.1.2");
        Host withVar1 = lab.host("127.0.1.1", "127.0.1.1", "root", Map.of("role", "web"));
        Host withVar3 = lab.host("127.0.1.3", "127.0.1.3", "root", Map.of("role", "db"));
        Hosts hosts = Hosts.of("three", List.of(withVar1, noVar, withVar3)).via("ssh");
        Stage end = run(hosts.run(mkdir(dir)), pick(successful()),
                template(dir + "/{{ inventory_hostname }}.role", "{{ role }}\n", Map.of()), pick(successful()),
                template(dir + "/{{ inventory_hostname }}.checked", "{{ role }} checked\n", Map.of()));
        assertEquals(List.of("127.0.1.1", "127.0.1.3"), end.hosts().names());
        assertEquals("web checked\n", Files.readString(Path.of(dir, "127.0.1.1.checked")));
        Results step2 = run(hosts.run(rm(dir + "/127.0.1.1.role")), pick(successful()),
                template(dir + "/{{ inventory_hostname }}.role", "{{ role }}\n", Map.of())).results();
        Result failed = step2.get("127.0.1.2");
        assertEquals(Outcome.ERROR, failed.outcome());
        assertTrue(failed.message().contains("the template uses role but 127.0.1.2 has no such variable"), failed::toString);
        assertEquals("db\n", Files.readString(Path.of(dir, "127.0.1.3.role")));
        assertFalse(Files.exists(Path.of(dir, "127.0.1.2.role")));
        hosts.exec("rm -rf " + dir);
    }

    @Test
    void processesAccountsAndPortsAreTypedValues() {
        HostValues<List<ListeningPort>> ports = ports(three);
        assertTrue(ports.results().allOk(), ports.results()::toString);
        assertTrue(ports.get("127.0.1.1").stream().anyMatch(p -> p.port() == lab.port() && p.process().equals("sshd")),
                ports.get("127.0.1.1")::toString);
        assertTrue(processes(three, "sshd").get("127.0.1.3").stream().anyMatch(p -> p.name().equals("sshd")));
        var accounts = accounts(three).get("127.0.1.2");
        assertEquals(0, accounts.user("root").orElseThrow().uid());
        assertTrue(accounts.group("root").isPresent());
    }
}

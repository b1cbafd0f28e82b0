package dev.opsshell.remote.check;

import dev.opsshell.core.host.Hosts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.opsshell.remote.Ops.check;
import static dev.opsshell.remote.check.Checks.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every transport's check run must show for a {@link CheckWorld}: the same assertions over SSH and agents. */
public final class WorldVerdicts {
    private WorldVerdicts() {
    }

    /** Shared with the agent test: each passing check PASS, each failing FAIL with the observed value. */
    public static void assertVerdicts(CheckReport report, CheckWorld world, int hostCount) throws Exception {
        Map<Check, String> passing = world.passing();
        Map<Check, String> failing = world.failing();
        assertEquals(hostCount, report.runs().size(), "one probe script per host");
        assertEquals(hostCount * (passing.size() + failing.size()), report.results().size(), report::toString);
        for (CheckResult r : report.results()) {
            String why = r.host().name() + " " + r.line();
            if (passing.containsKey(r.check())) {
                assertEquals(Verdict.PASS, r.verdict(), why);
                String observed = passing.get(r.check());
                if (!observed.isEmpty()) assertEquals(observed, r.observed(), why);
            } else {
                assertEquals(Verdict.FAIL, r.verdict(), why);
                assertEquals(failing.get(r.check()), r.observed(), why);
                assertTrue(r.line().contains("expected " + r.expected() + ", observed " + r.observed()), r.line());
            }
        }
        assertEquals(5, report.exitCode());
        assertEquals(0, check(report.runs().hosts(), new ArrayList<>(passing.keySet())).exitCode());
    }

    public static List<Check> all(CheckWorld world) throws Exception {
        List<Check> all = new ArrayList<>(world.passing().keySet());
        all.addAll(world.failing().keySet());
        return all;
    }

    public static void assertSameVerdicts(Hosts hosts, CheckWorld world, Path yaml) {
        List<Check> fromGoss = Gossfile.read(yaml);
        String f = world.file.toString();
        List<Check> same = List.of(
                pkg("openssh-server").installed(), pkg("openssh-server").version(world.packageVersion),
                pkg("ops-no-such-package").notInstalled(),
                service(world.service).enabled(), service(world.service).running(),
                port(world.sshPort).listening(), port(world.sshPort).listeningOn("0.0.0.0"),
                port(world.closedPort).listening(),
                file(f).exists(), file(f).mode("0644"), file(f).owner("root"), file(f).sha256(world.sha256),
                file(f).contains("listen = 8080", "!debug", "/^mode = (production|staging)$/"),
                cmd("uname -s").exitStatus(0), cmd("uname -s").stdout("Linux"), cmd("exit 3").exitStatus(0),
                process(world.processName).running(),
                user("root").exists(), user("root").uid(0), group("ops-no-such-group").exists(),
                http(world.url("/health")).status(200), http(world.url("/health")).body("status: healthy"),
                kernelParam("kernel.ostype").value("Linux"),
                mount("/proc").exists(), mount("/proc").filesystem("proc"),
                addr("tcp://127.0.0.1:" + world.sshPort).reachable(),
                dns("localhost").resolvable(), dns("localhost").addrs("127.0.0.1"),
                dns("ops-no-such-name.invalid").resolvable());
        assertEquals(same.size(), fromGoss.size(), fromGoss::toString);
        CheckReport goss = check(hosts, fromGoss);
        CheckReport ours = check(hosts, same);
        assertEquals(CheckWorld.verdicts(ours), CheckWorld.verdicts(goss));
        assertEquals(hosts.size() * 5L, goss.count(Verdict.FAIL), goss::toString);
        assertTrue(goss.results().stream().anyMatch(r -> r.check().title().equals("the superuser")
                && r.check().meta().equals(Map.of("owner", "ops-team"))), "title and meta carried");
    }
}

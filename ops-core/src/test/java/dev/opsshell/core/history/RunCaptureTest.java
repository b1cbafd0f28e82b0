package dev.opsshell.core.history;

import dev.opsshell.core.events.RunFinished;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCaptureTest {
    private static final Instant START = Instant.parse("2026-12-02T01:00:00Z");

    private static Result result(String host, Outcome outcome, int exit, String out, String err, boolean truncated) {
        return new Result(Host.of(host), outcome, exit, out, err, truncated, START, Duration.ofMillis(30), "ssh", "");
    }

    @Test
    void aRunIsRecordedWithItsSourceTargetCountsAndRecipe() {
        Hosts hosts = Hosts.of("web", List.of(Host.of("web1"), Host.of("web2"))).via("agent");
        Results results = new Results("uptime", hosts, List.of(result("web1", Outcome.OK, 0, "up 3 days", "", false),
                result("web2", Outcome.FAILED, 2, "", "no such file", false)), Duration.ofMillis(40));
        RunDetail d = RunCapture.of(new RunFinished(results, RunSource.oneLiner("ops exec web -- uptime"),
                START.plusMillis(45), Recipe.of("exec", "uptime")), "ops@admin");
        RunRecord r = d.run();
        assertEquals("uptime", r.operation());
        assertEquals("web", r.target());
        assertEquals("agent", r.via());
        assertEquals("ssh", r.transport());
        assertEquals(5, r.exitCode());
        assertEquals(2, r.hosts());
        assertEquals(1, r.failed());
        assertEquals(RunSource.Kind.ONE_LINER, r.source().kind());
        assertEquals("ops@admin", r.who());
        assertEquals(START, r.started());
        assertEquals(Recipe.of("exec", "uptime"), r.recipe());
        assertEquals(List.of("web1", "web2"), d.hosts().stream().map(HostRecord::host).toList());
        assertEquals("no such file", d.hosts().get(1).stderr());
    }

    @Test
    void outputPastTheCapKeepsItsHeadAndTailAndSaysItWasCut() {
        String big = "A".repeat(RunCapture.OUTPUT_CAP) + "MIDDLE" + "Z".repeat(RunCapture.OUTPUT_CAP);
        HostRecord h = RunCapture.host(result("web1", Outcome.OK, 0, big, "small", false));
        assertTrue(h.truncated());
        assertTrue(h.stdout().startsWith("A".repeat(RunCapture.OUTPUT_CAP / 2)));
        assertTrue(h.stdout().endsWith("Z".repeat(RunCapture.OUTPUT_CAP / 2)));
        assertFalse(h.stdout().contains("MIDDLE"));
        assertTrue(h.stdout().contains("characters not kept"));
        assertTrue(h.stdout().length() < RunCapture.OUTPUT_CAP + 100);
        assertEquals("small", h.stderr());
        assertFalse(RunCapture.host(result("web1", Outcome.OK, 0, "short", "", false)).truncated());
        assertTrue(RunCapture.host(result("web1", Outcome.OK, 0, "short", "", true)).truncated(), "cut by the transport");
    }

    @Test
    void secretsInOutputSourceTitleAndRecipeAreMaskedBeforeStoring() {
        String cmd = "curl -H 'Authorization: Bearer abcdef0123456789' https://x";
        Results results = new Results(cmd, Hosts.of("web", List.of(Host.of("web1"))),
                List.of(result("web1", Outcome.FAILED, 1, "password=hunter2", "token: t0k3nvalue", false)), Duration.ZERO);
        RunDetail d = RunCapture.of(new RunFinished(results, RunSource.shell("exec(\"" + cmd + "\")"), START,
                Recipe.of("exec", cmd)), "me@here");
        String all = d.run() + d.run().source().detail() + d.run().operation() + d.run().recipe() + d.hosts();
        for (String secret : List.of("abcdef0123456789", "hunter2", "t0k3nvalue")) {
            assertFalse(all.contains(secret), () -> secret + " kept in " + all);
        }
        assertTrue(d.hosts().get(0).stdout().contains(Secrets.MASK));
    }

    @Test
    void passwordsTheInventoryGivesAreMaskedWhereverTheyAppear() {
        Host web1 = new Host("web1", "10.0.0.1", 22, "ops", java.util.Map.of("ansible_become_password", "Tr0ub4dor",
                "ansible_ssh_private_key_file", "/home/ops/.ssh/id_ed25519", "http_port", "8080"), List.of());
        Result r = new Result(web1, Outcome.OK, 0, "echo Tr0ub4dor\nTr0ub4dor\nport 8080 key /home/ops/.ssh/id_ed25519",
                "", false, START, Duration.ZERO, "ssh", "");
        Results results = new Results("echo Tr0ub4dor", Hosts.of("web", List.of(web1)), List.of(r), Duration.ZERO);
        RunDetail d = RunCapture.of(new RunFinished(results, RunSource.shell("sudo(\"echo Tr0ub4dor\")"), START,
                Recipe.of("sudo", "echo Tr0ub4dor")), "me@here");
        String all = d.run() + d.run().source().detail() + d.run().recipe() + d.hosts();
        assertFalse(all.contains("Tr0ub4dor"), all);
        assertTrue(d.hosts().get(0).stdout().contains("port 8080 key /home/ops/.ssh/id_ed25519"), "other variables stay");
    }

    @Test
    void aKeyBlockStraddlingTheCapIsMaskedWhole() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\n" + "K".repeat(64) + "\n-----END RSA PRIVATE KEY-----";
        String out = "x".repeat(RunCapture.OUTPUT_CAP / 2 - 10) + key + "y".repeat(RunCapture.OUTPUT_CAP);
        HostRecord h = RunCapture.host(result("web1", Outcome.OK, 0, out, "", false));
        assertFalse(h.stdout().contains("KKKK"), "no part of the key is kept");
    }
}

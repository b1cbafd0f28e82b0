package dev.opsshell.core.history;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** One run as ops history show prints it. Found walking: a run on localhost said "1 hosts". */
class RunTextTest {
    static RunDetail run(int hosts) {
        Instant t = Instant.parse("2026-12-02T03:00:00Z");
        return new RunDetail(new RunRecord(7, t, t.plusSeconds(1), "root@vm", RunSource.UNKNOWN, "uptime", "web", "", "local",
                0, hosts, 0, null), List.of());
    }

    @Test
    void oneHostIsOneHost() {
        String one = RunText.detail(run(1));
        assertTrue(one.contains("  result 1 host, 0 failed, exit 0 · local"), one);
        String three = RunText.detail(run(3));
        assertTrue(three.contains("  result 3 hosts, 0 failed, exit 0 · local"), three);
    }
}

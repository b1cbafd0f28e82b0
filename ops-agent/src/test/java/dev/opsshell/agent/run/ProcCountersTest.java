package dev.opsshell.agent.run;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's own sampler on this Linux machine, checked against what /proc and the filesystem say. */
class ProcCountersTest {
    @Test
    void countsCoresAsProcStatDoesAndSizesTheRootFilesystem() throws Exception {
        Map<String, Double> m = HostFacts.metrics();
        long cores = Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("cpu\\d+ .*")).count();
        assertEquals((double) cores, m.get("cpu.cores"));
        assertTrue(m.containsKey("cpu.user") && m.containsKey("mem.total") && m.containsKey("load.1") && m.containsKey("uptime"),
                "the older keys stay: " + m.keySet());
        var root = Files.getFileStore(Path.of("/"));
        assertEquals((double) root.getTotalSpace(), m.get("disk.size@/"));
        assertTrue(m.get("disk.used@/") > 0 && m.get("disk.used@/") <= m.get("disk.size@/"), m.toString());
        assertTrue(m.keySet().stream().noneMatch(k -> k.startsWith("disk.size@/proc") || k.startsWith("disk.size@/sys")), m.keySet().toString());
        assertTrue(m.keySet().stream().noneMatch(k -> k.matches("diskio\\..*@loop\\d+")), "loop devices are not disks");
        assertTrue(m.keySet().stream().noneMatch(k -> k.endsWith("@lo")), "the loopback interface is left out");
        assertTrue(m.get("entropy.available") > 0);
    }
}

package dev.opsshell.core.metrics;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ProcScript's output, recorded on a VM and written by hand for odd hosts, read into readings and samples. */
class ProcParserTest {
    static String recorded(String name) throws IOException {
        try (InputStream in = ProcParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRecordedFirstRoundGivesTwoReadingsAndEveryFamily() throws IOException {
        List<Reading> r = ProcParser.parse(recorded("first-round-vm.txt"));
        assertEquals(2, r.size());
        Reading now = r.get(1);
        assertEquals(20993.49, now.uptime());
        assertEquals(2, now.cores());
        assertEquals(24683568L * 1024, now.memory().get("MemTotal"));
        assertEquals(List.of("/"), now.mounts().stream().map(Reading.MountUsage::path).toList(), "pseudo filesystems left out");
        assertEquals(List.of("vda"), List.copyOf(now.disks().keySet()), "loop and zram are not disks");
        assertTrue(now.nets().containsKey("eth0") && !now.nets().containsKey("lo"), now.nets().keySet().toString());
        assertEquals(256.0, now.entropy());
        assertNull(r.get(0).mounts(), "the mounts go with the last reading");

        SampleMaker.Made made = SampleMaker.make("vm", Family.all(), r.get(0), now, Instant.EPOCH);
        assertEquals(List.of(), made.problems());
        Map<String, Double> cpu = made.samples().stream().filter(s -> s.metric().equals("cpu"))
                .collect(Collectors.toMap(Sample::field, Sample::value));
        assertEquals(100.0, cpu.get("user") + cpu.get("system") + cpu.get("iowait") + cpu.get("steal") + cpu.get("idle"), 1e-9);
        assertEquals(2.0, cpu.get("cores"));
        Sample rootUsed = made.samples().stream().filter(s -> s.metric().equals("disk") && s.field().equals("used_pct")).findFirst().orElseThrow();
        assertEquals("/", rootUsed.label());
        assertEquals(100.0 * 29718572 / (29718572 + 76672340), rootUsed.value(), 1e-9, "as df's Capacity");
        assertTrue(made.samples().stream().anyMatch(s -> s.metric().equals("net") && s.label().equals("eth0")));
        assertTrue(made.samples().stream().anyMatch(s -> s.metric().equals("diskio") && s.label().equals("vda")));
    }

    @Test
    void aContainerWithoutDiskstatsOrSysBlockStillGivesTheRestAndSaysWhatIsMissing() {
        String out = """
                @@ops:reading
                /proc/uptime:100.00 50.00
                /proc/loadavg:0.50 0.40 0.30 1/80 99
                /proc/meminfo:MemTotal:       1000 kB
                /proc/meminfo:MemFree:         400 kB
                /proc/meminfo:Buffers:         100 kB
                /proc/meminfo:Cached:          100 kB
                /proc/meminfo:SwapTotal:         0 kB
                /proc/meminfo:SwapFree:          0 kB
                /proc/net/dev:Inter-|   Receive                                                |  Transmit
                /proc/net/dev:  eth0: 1000 10 0 0 0 0 0 0 2000 20 0 0 0 0 0 0
                /proc/stat:cpu  100 0 100 800 0 0 0 0 0 0
                /proc/stat:cpu0 100 0 100 800 0 0 0 0 0 0
                @@ops:block
                @@ops:mounts
                overlay / overlay rw,relatime 0 0
                proc /proc proc rw 0 0
                shm /dev/shm tmpfs rw 0 0
                /dev/sda1 /data\\040dir ext4 rw 0 0
                @@ops:df
                Filesystem     1024-blocks    Used Available Capacity Mounted on
                overlay           1000000  250000    750000      25% /
                shm                 65536       0     65536       0% /dev/shm
                /dev/sda1          2000000 1000000   1000000      50% /data dir
                @@ops:end
                """;
        Reading now = ProcParser.parse(out).get(0);
        assertNull(now.disks(), "no /proc/diskstats at all, not an empty one");
        assertEquals(List.of("/", "/data dir"), now.mounts().stream().map(Reading.MountUsage::path).toList(),
                "the overlay root kept, a blank in a path unescaped, tmpfs left out");
        SampleMaker.Made made = SampleMaker.make("c1", Family.all(), null, now, Instant.EPOCH);
        assertTrue(made.problems().contains("diskio: /proc/diskstats unreadable (a container without it?)"), made.problems().toString());
        assertTrue(made.problems().contains("entropy: /proc/sys/kernel/random/entropy_avail unreadable"), made.problems().toString());
        assertTrue(made.problems().contains("no earlier reading yet: rates and cpu from the next round on"), made.problems().toString());
        Map<String, Double> memory = made.samples().stream().filter(s -> s.metric().equals("memory"))
                .collect(Collectors.toMap(Sample::field, Sample::value));
        assertEquals(600.0 * 1024, memory.get("available_bytes"), "free + buffers + cached where MemAvailable is missing");
        assertEquals(40.0, memory.get("used_pct"), 1e-9);
        assertEquals(0.0, made.samples().stream().filter(s -> s.metric().equals("swap") && s.field().equals("used_pct"))
                .findFirst().orElseThrow().value(), "no swap is 0 %, not a division by zero");
        assertEquals(1.0, made.samples().stream().filter(s -> s.metric().equals("load") && s.field().equals("cores"))
                .findFirst().orElseThrow().value());
    }

    @Test
    void withoutSysBlockPartitionsAreLeftOutByTheirNames() {
        String out = """
                @@ops:reading
                /proc/uptime:10.00 5.00
                /proc/diskstats:   8       0 sda 10 0 80 0 5 0 40 0 0 7 0 0 0 0 0
                /proc/diskstats:   8       1 sda1 10 0 80 0 5 0 40 0 0 7 0 0 0 0 0
                /proc/diskstats: 259       0 nvme0n1 10 0 80 0 5 0 40 0 0 7 0 0 0 0 0
                /proc/diskstats: 259       1 nvme0n1p1 10 0 80 0 5 0 40 0 0 7 0 0 0 0 0
                /proc/diskstats:   7       0 loop0 10 0 80 0 5 0 40 0 0 7 0 0 0 0 0
                @@ops:end
                """;
        assertEquals(java.util.Set.of("sda", "nvme0n1"), ProcParser.parse(out).get(0).disks().keySet());
    }

    @Test
    void unreadableFilesLeaveTheirPartsEmptyWithAProblemEach() {
        Reading now = ProcParser.parse("@@ops:reading\n@@ops:end\n").get(0);
        SampleMaker.Made made = SampleMaker.make("h", Family.all(), null, now, Instant.EPOCH);
        assertEquals(List.of(), made.samples());
        for (String expected : List.of("/proc/uptime unreadable: no rates", "cpu: /proc/stat unreadable",
                "load: /proc/loadavg unreadable", "memory: /proc/meminfo unreadable", "swap: /proc/meminfo unreadable",
                "disk: df gave nothing", "net: /proc/net/dev unreadable")) {
            assertTrue(made.problems().contains(expected), expected + " in " + made.problems());
        }
    }

    @Test
    void outputCutBeforeTheEndIsRefusedWithWhatCame() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProcParser.parse("@@ops:reading\n/proc/uptime:1.00 1.00\n"));
        assertTrue(e.getMessage().startsWith("the /proc reading stopped before its end: @@ops:reading"), e.getMessage());
        assertEquals("the /proc reading stopped before its end (no output)",
                assertThrows(IllegalArgumentException.class, () -> ProcParser.parse("")).getMessage());
    }
}

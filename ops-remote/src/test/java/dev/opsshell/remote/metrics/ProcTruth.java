package dev.opsshell.remote.metrics;

import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.metrics.SampleRound;
import dev.opsshell.core.metrics.Samples;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What this machine's /proc says, to check samples of it against (every lab host and agent is this
 * machine): cores, memory total, the real mounts; sanity ranges and cpu shares summing to 100.
 */
public final class ProcTruth {
    private ProcTruth() {
    }

    public static long cores() throws IOException {
        return Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("cpu\\d+ .*")).count();
    }

    public static long memTotal() throws IOException {
        String line = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:")).findFirst().orElseThrow();
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
    }

    /** Every family of one host's samples from a full round, checked against this machine. */
    public static void assertSane(SampleRound round, String host) throws IOException {
        assertTrue(round.results().get(host).ok(), round.results()::toString);
        Samples s = round.samples().host(host);
        String all = s.toString();
        assertEquals(cores(), (long) s.metric("cpu").value(host, "cores"), all);
        assertEquals(cores(), (long) s.metric("load").value(host, "cores"), all);
        double sum = 0;
        for (String f : List.of("user", "system", "iowait", "steal", "idle")) {
            double v = s.metric("cpu").value(host, f);
            assertTrue(v >= 0 && v <= 100, f + " = " + v + "\n" + all);
            sum += v;
        }
        assertEquals(100.0, sum, 0.01, all);
        assertTrue(s.metric("load").value(host, "1m") >= 0, all);
        assertEquals(memTotal(), (long) s.metric("memory").value(host, "total_bytes"), all);
        double used = s.metric("memory").value(host, "used_pct");
        assertTrue(used > 0 && used < 100, all);
        assertTrue(s.metric("swap").value(host, "used_pct") >= 0, all);
        Set<String> mounts = s.metric("disk").list().stream().map(Sample::label).collect(Collectors.toSet());
        assertTrue(mounts.contains("/"), mounts.toString());
        for (String m : mounts) {
            assertTrue(Files.isDirectory(Path.of(m)), "a mount that exists: " + m);
            assertFalse(m.startsWith("/proc") || m.startsWith("/sys") || m.equals("/dev"), "a pseudo filesystem: " + m);
        }
        var root = Files.getFileStore(Path.of("/"));
        assertEquals((double) root.getTotalSpace(), s.metric("disk").label("/").value(host, "size_bytes"), root.getTotalSpace() * 0.01);
        for (Sample x : s.metric("disk").field("used_pct").list()) assertTrue(x.value() >= 0 && x.value() <= 100, x.toString());
        assertFalse(s.metric("diskio").isEmpty(), "a first round has I/O rates too (two readings): " + all);
        for (Sample x : s.metric("diskio").list()) assertTrue(x.value() >= 0, x.toString());
        assertTrue(s.metric("diskio").list().stream().noneMatch(x -> x.label().startsWith("loop")), all);
        for (Sample x : s.metric("net").list()) assertTrue(x.value() >= 0 && !x.label().equals("lo"), x.toString());
        assertTrue(s.metric("entropy").value(host, "available") > 0, all);
    }

    /** Writes {@code bytes} to a file under {@code dir} and forces them to the disk. */
    public static void writeToDisk(Path dir, int bytes) throws IOException {
        Path f = dir.resolve("ops-metrics-io-" + System.nanoTime());
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 20);
            for (int done = 0; done < bytes; done += b.capacity()) {
                b.clear();
                while (b.hasRemaining()) ch.write(b);
            }
            ch.force(true);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** Bytes written over all disks in a round, at most: each disk's write rate times an upper bound of the interval. */
    public static double writtenAtMost(Samples s, String host, double intervalUpperSeconds) {
        return s.host(host).metric("diskio").field("write_bytes_per_s").list().stream().mapToDouble(Sample::value).sum()
                * intervalUpperSeconds;
    }
}

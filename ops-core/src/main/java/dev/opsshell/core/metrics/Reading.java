package dev.opsshell.core.metrics;

import java.util.List;
import java.util.Map;

/**
 * One host's raw counters and gauges at one moment, as /proc (or the agent) gave them; a part the
 * host did not give is null, and {@code problems} says why. Counters are cumulative, so
 * {@link SampleMaker} turns two readings into rates.
 *
 * @param uptime   seconds since boot (the host's monotonic clock: the interval between two readings)
 * @param cores    online CPUs, 0 when unknown
 * @param cpu      the aggregate {@code cpu} line of /proc/stat, in jiffies
 * @param load     1, 5 and 15 minute load averages
 * @param memory   /proc/meminfo in bytes (MemTotal, MemAvailable, SwapTotal, SwapFree, …)
 * @param mounts   usage of real filesystems, by mount point
 * @param disks    I/O counters of whole block devices
 * @param nets     byte and packet counters of interfaces
 * @param entropy  bits of entropy available
 */
public record Reading(Double uptime, int cores, CpuTimes cpu, double[] load, Map<String, Long> memory,
                      List<MountUsage> mounts, Map<String, DiskCounters> disks, Map<String, NetCounters> nets,
                      Double entropy, List<String> problems) {
    public Reading {
        // null (not empty) means the host did not give that part: SampleMaker says so
        memory = memory == null ? null : Map.copyOf(memory);
        mounts = mounts == null ? null : List.copyOf(mounts);
        disks = disks == null ? null : Map.copyOf(disks);
        nets = nets == null ? null : Map.copyOf(nets);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Jiffies spent in each state since boot (the {@code cpu} line of /proc/stat). */
    public record CpuTimes(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {
        public long total() {
            return user + nice + system + idle + iowait + irq + softirq + steal;
        }
    }

    /** A mounted filesystem's size, used and available bytes. */
    public record MountUsage(String path, String type, long size, long used, long available) {
    }

    /** A block device's completed reads and writes, sectors (512 bytes) read and written, milliseconds busy. */
    public record DiskCounters(long reads, long readSectors, long writes, long writtenSectors, long busyMillis) {
    }

    /** An interface's bytes and packets received and sent. */
    public record NetCounters(long rxBytes, long rxPackets, long txBytes, long txPackets) {
    }
}

package dev.opsshell.core.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Readings → samples. Gauges (load, memory, swap, disk usage, entropy) come from the current
 * reading; cpu shares and I/O rates from the difference to an earlier one, over the interval the
 * host's own uptime says passed. No earlier reading, a host that rebooted between the two (its
 * uptime went back) or a counter that went back (a device replaced) gives no value for that part
 * rather than a wrong one, and a problem line says so. Pure.
 */
public final class SampleMaker {
    /** The samples of one host's round and what could not be given. */
    public record Made(List<Sample> samples, List<String> problems) {
    }

    private final String host;
    private final Instant at;
    private final List<Sample> out = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private SampleMaker(String host, Instant at) {
        this.host = host;
        this.at = at;
    }

    public static Made make(String host, Set<Family> families, Reading before, Reading now, Instant at) {
        SampleMaker m = new SampleMaker(host, at);
        m.problems.addAll(now.problems());
        Double elapsed = before == null || before.uptime() == null || now.uptime() == null
                || now.uptime() <= before.uptime() ? null : now.uptime() - before.uptime();
        if (before != null && before.uptime() != null && now.uptime() != null && now.uptime() < before.uptime()) {
            m.problems.add("rebooted since the last reading: rates and cpu from the next round on");
        }
        boolean noEarlier = elapsed == null && families.stream().anyMatch(Family::needsTwoReadings);
        if (noEarlier && (before == null || before.uptime() == null)) m.problems.add("no earlier reading yet: rates and cpu from the next round on");
        for (Family f : families) {
            switch (f) {
                case CPU -> m.cpu(elapsed == null ? null : before.cpu(), now);
                case LOAD -> m.load(now);
                case MEMORY -> m.memory(now.memory());
                case SWAP -> m.swap(now.memory());
                case DISK -> m.disk(now.mounts());
                case DISKIO -> m.diskio(elapsed == null ? null : before.disks(), now.disks(), elapsed == null ? 0 : elapsed);
                case NET -> m.net(elapsed == null ? null : before.nets(), now.nets(), elapsed == null ? 0 : elapsed);
                case ENTROPY -> {
                    if (now.entropy() == null) m.problems.add("entropy: /proc/sys/kernel/random/entropy_avail unreadable");
                    else m.add("entropy", "available", "", now.entropy());
                }
            }
        }
        return new Made(List.copyOf(m.out), List.copyOf(m.problems));
    }

    private void add(String metric, String field, String label, double value) {
        out.add(new Sample(host, metric, field, label, value, at));
    }

    private void cpu(Reading.CpuTimes before, Reading now) {
        if (now.cores() > 0) add("cpu", "cores", "", now.cores());
        Reading.CpuTimes c = now.cpu();
        if (c == null) {
            problems.add("cpu: /proc/stat unreadable");
            return;
        }
        if (before == null) return;
        long total = c.total() - before.total();
        long user = c.user() + c.nice() - before.user() - before.nice();
        long system = c.system() + c.irq() + c.softirq() - before.system() - before.irq() - before.softirq();
        long iowait = c.iowait() - before.iowait();
        long steal = c.steal() - before.steal();
        long idle = c.idle() - before.idle();
        if (total <= 0 || user < 0 || system < 0 || iowait < 0 || steal < 0 || idle < 0) {
            // iowait may go back a little on some kernels (it is an estimate per cpu): clamp it, else skip
            if (total > 0 && iowait < 0 && user >= 0 && system >= 0 && steal >= 0 && idle >= 0) {
                iowait = 0;
            } else {
                problems.add("cpu: counters went back since the last reading");
                return;
            }
        }
        double sum = user + system + iowait + steal + idle;
        add("cpu", "user", "", 100.0 * user / sum);
        add("cpu", "system", "", 100.0 * system / sum);
        add("cpu", "iowait", "", 100.0 * iowait / sum);
        add("cpu", "steal", "", 100.0 * steal / sum);
        add("cpu", "idle", "", 100.0 * idle / sum);
    }

    private void load(Reading now) {
        if (now.load() == null) {
            problems.add("load: /proc/loadavg unreadable");
        } else {
            add("load", "1m", "", now.load()[0]);
            add("load", "5m", "", now.load()[1]);
            add("load", "15m", "", now.load()[2]);
        }
        if (now.cores() > 0) add("load", "cores", "", now.cores());
    }

    private void memory(Map<String, Long> mem) {
        Long total = mem == null ? null : mem.get("MemTotal");
        if (total == null || total == 0) {
            problems.add("memory: /proc/meminfo unreadable");
            return;
        }
        Long available = mem.get("MemAvailable");
        if (available == null) {  // kernels before 3.14: free plus what the kernel can drop
            available = mem.getOrDefault("MemFree", 0L) + mem.getOrDefault("Buffers", 0L) + mem.getOrDefault("Cached", 0L);
        }
        long used = Math.max(0, total - available);
        add("memory", "total_bytes", "", total);
        add("memory", "used_bytes", "", used);
        add("memory", "available_bytes", "", available);
        add("memory", "used_pct", "", 100.0 * used / total);
    }

    private void swap(Map<String, Long> mem) {
        Long total = mem == null ? null : mem.get("SwapTotal");
        if (total == null) {
            problems.add("swap: /proc/meminfo unreadable");
            return;
        }
        long used = Math.max(0, total - mem.getOrDefault("SwapFree", total));
        add("swap", "total_bytes", "", total);
        add("swap", "used_bytes", "", used);
        add("swap", "used_pct", "", total == 0 ? 0 : 100.0 * used / total);
    }

    private void disk(List<Reading.MountUsage> mounts) {
        if (mounts == null) {
            problems.add("disk: df gave nothing");
            return;
        }
        for (Reading.MountUsage m : mounts) {
            add("disk", "size_bytes", m.path(), m.size());
            add("disk", "used_bytes", m.path(), m.used());
            add("disk", "free_bytes", m.path(), m.available());
            // as df's Capacity: of what users may fill (root's reserved blocks left out)
            long usable = m.used() + m.available();
            add("disk", "used_pct", m.path(), usable == 0 ? 0 : 100.0 * m.used() / usable);
        }
    }

    private void diskio(Map<String, Reading.DiskCounters> before, Map<String, Reading.DiskCounters> now, double seconds) {
        if (now == null) {
            problems.add("diskio: /proc/diskstats unreadable (a container without it?)");
            return;
        }
        if (before == null) return;
        now.forEach((device, c) -> {
            Reading.DiskCounters b = before.get(device);
            if (b == null) return;
            long reads = c.reads() - b.reads(), writes = c.writes() - b.writes();
            long rs = c.readSectors() - b.readSectors(), ws = c.writtenSectors() - b.writtenSectors();
            long busy = c.busyMillis() - b.busyMillis();
            if (reads < 0 || writes < 0 || rs < 0 || ws < 0 || busy < 0) return;  // replaced or wrapped: next round
            add("diskio", "read_bytes_per_s", device, rs * 512 / seconds);
            add("diskio", "write_bytes_per_s", device, ws * 512 / seconds);
            add("diskio", "reads_per_s", device, reads / seconds);
            add("diskio", "writes_per_s", device, writes / seconds);
            add("diskio", "busy_pct", device, Math.min(100, busy / (seconds * 10)));
        });
    }

    private void net(Map<String, Reading.NetCounters> before, Map<String, Reading.NetCounters> now, double seconds) {
        if (now == null) {
            problems.add("net: /proc/net/dev unreadable");
            return;
        }
        if (before == null) return;
        now.forEach((name, c) -> {
            Reading.NetCounters b = before.get(name);
            if (b == null) return;
            long rx = c.rxBytes() - b.rxBytes(), tx = c.txBytes() - b.txBytes();
            long rxp = c.rxPackets() - b.rxPackets(), txp = c.txPackets() - b.txPackets();
            if (rx < 0 || tx < 0 || rxp < 0 || txp < 0) return;  // the interface was recreated: next round
            add("net", "rx_bytes_per_s", name, rx / seconds);
            add("net", "tx_bytes_per_s", name, tx / seconds);
            add("net", "rx_packets_per_s", name, rxp / seconds);
            add("net", "tx_packets_per_s", name, txp / seconds);
        });
    }
}

package dev.opsshell.remote.metrics;

import dev.opsshell.core.metrics.Reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent's metrics reply ({@code HostFacts.metrics()}: {@code family.counter[@label]} keys) as a
 * {@link Reading}, the same as ops's /proc script gives. An older agent without the newer keys gives
 * cpu, memory, load and uptime only: the rest is null, which the samples' problems then name.
 */
public final class AgentCounters {
    private AgentCounters() {
    }

    public static Reading reading(Map<String, Double> v) {
        Reading.CpuTimes cpu = v.containsKey("cpu.user") ? new Reading.CpuTimes(l(v, "cpu.user"), l(v, "cpu.nice"),
                l(v, "cpu.system"), l(v, "cpu.idle"), l(v, "cpu.iowait"), l(v, "cpu.irq"), l(v, "cpu.softirq"),
                l(v, "cpu.steal")) : null;
        double[] load = v.containsKey("load.1") ? new double[]{v.get("load.1"), v.get("load.5"), v.get("load.15")} : null;
        Map<String, Long> memory = null;
        if (v.containsKey("mem.total")) {
            memory = new LinkedHashMap<>();
            memory.put("MemTotal", l(v, "mem.total"));
            memory.put("MemAvailable", l(v, "mem.available"));
            put(memory, "MemFree", v, "mem.free");
            put(memory, "Buffers", v, "mem.buffers");
            put(memory, "Cached", v, "mem.cached");
            put(memory, "SwapTotal", v, "swap.total");
            put(memory, "SwapFree", v, "swap.free");
        }
        boolean newer = v.containsKey("cpu.cores");  // an agent that knows the newer keys sends this one always
        List<Reading.MountUsage> mounts = newer ? new ArrayList<>() : null;
        Map<String, Reading.DiskCounters> disks = newer ? new LinkedHashMap<>() : null;
        Map<String, Reading.NetCounters> nets = newer ? new LinkedHashMap<>() : null;
        if (newer) {
            for (String key : v.keySet()) {
                int at = key.indexOf('@');
                if (at < 0) continue;
                String name = key.substring(0, at), label = key.substring(at + 1);
                switch (name) {
                    case "disk.size" -> mounts.add(new Reading.MountUsage(label, "", l(v, key), l(v, "disk.used@" + label),
                            l(v, "disk.avail@" + label)));
                    case "diskio.reads" -> disks.put(label, new Reading.DiskCounters(l(v, key), l(v, "diskio.read_sectors@" + label),
                            l(v, "diskio.writes@" + label), l(v, "diskio.written_sectors@" + label), l(v, "diskio.busy_ms@" + label)));
                    case "net.rx_bytes" -> nets.put(label, new Reading.NetCounters(l(v, key), l(v, "net.rx_packets@" + label),
                            l(v, "net.tx_bytes@" + label), l(v, "net.tx_packets@" + label)));
                    default -> { }
                }
            }
            mounts.sort(java.util.Comparator.comparing(Reading.MountUsage::path));
        }
        List<String> problems = newer ? List.of() : List.of("an older agent: cpu, load and memory only (update it for the rest)");
        return new Reading(v.get("uptime"), newer ? (int) (double) v.get("cpu.cores") : 0, cpu, load, memory, mounts, disks, nets,
                v.get("entropy.available"), problems);
    }

    private static long l(Map<String, Double> v, String key) {
        Double d = v.get(key);
        return d == null ? 0 : (long) (double) d;
    }

    private static void put(Map<String, Long> memory, String name, Map<String, Double> v, String key) {
        if (v.containsKey(key)) memory.put(name, l(v, key));
    }
}

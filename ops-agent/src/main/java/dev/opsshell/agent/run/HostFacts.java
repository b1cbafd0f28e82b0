package dev.opsshell.agent.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the agent reports about its machine: facts (os, kernel, cpus, …) and metric samples from /proc. */
public final class HostFacts {
    private HostFacts() {
    }

    /** os, kernel, arch, cpus, memory (bytes), hostname, addresses, user, java and agent version. */
    public static Map<String, String> facts(String agentVersion) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("os", osName());
        f.put("kernel", System.getProperty("os.version"));
        f.put("arch", System.getProperty("os.arch"));
        f.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        f.put("memory", Long.toString(meminfo().getOrDefault("MemTotal", 0L)));
        f.put("hostname", hostname());
        f.put("addresses", String.join(",", addresses()));
        f.put("user", System.getProperty("user.name"));
        f.put("java", System.getProperty("java.version"));
        f.put("agent", agentVersion);
        return f;
    }

    /**
     * cpu.* (cumulative jiffies), mem.total/mem.available (bytes), load.1/5/15 and uptime (s); and
     * since ops's metrics over time, the keys of {@link ProcCounters} (cores, swap, disks, I/O, net, entropy).
     */
    public static Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        String[] cpu = firstLine("/proc/stat").trim().split("\\s+");
        String[] names = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"};
        for (int i = 0; i < names.length && i + 1 < cpu.length; i++) m.put("cpu." + names[i], Double.parseDouble(cpu[i + 1]));
        Map<String, Long> mem = meminfo();
        m.put("mem.total", (double) mem.getOrDefault("MemTotal", 0L));
        m.put("mem.available", (double) mem.getOrDefault("MemAvailable", 0L));
        String[] load = firstLine("/proc/loadavg").trim().split("\\s+");
        if (load.length >= 3) {
            m.put("load.1", Double.parseDouble(load[0]));
            m.put("load.5", Double.parseDouble(load[1]));
            m.put("load.15", Double.parseDouble(load[2]));
        }
        String[] up = firstLine("/proc/uptime").trim().split("\\s+");
        if (up.length >= 1 && !up[0].isEmpty()) m.put("uptime", Double.parseDouble(up[0]));
        m.putAll(ProcCounters.read());
        return m;
    }

    private static String osName() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) return line.substring(12).replace("\"", "");
            }
        } catch (IOException e) {
            // no os-release (not Linux, or a minimal container): fall back to the JVM's name
        }
        return System.getProperty("os.name");
    }

    private static Map<String, Long> meminfo() {
        Map<String, Long> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                String[] p = line.split("[:\\s]+");
                if (p.length >= 2) m.put(p[0], Long.parseLong(p[1]) * (p.length > 2 && p[2].equals("kB") ? 1024 : 1));
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc/meminfo: memory facts are reported as 0
        }
        return m;
    }

    private static String firstLine(String file) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.isEmpty() ? "" : lines.get(0);
        } catch (IOException e) {
            return "";
        }
    }

    public static String hostname() {
        String fromFile = firstLine("/proc/sys/kernel/hostname").strip();
        if (!fromFile.isEmpty()) return fromFile;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static List<String> addresses() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) continue;
                nic.getInterfaceAddresses().forEach(a -> out.add(a.getAddress().getHostAddress().replaceAll("%.*", "")));
            }
        } catch (SocketException e) {
            // interfaces cannot be listed here: report none
        }
        return out;
    }
}

package dev.opsshell.core.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link ProcScript}'s output → the host's readings (one, or two in a first round; the mounts go
 * with the last). Pure. A file the host did not give leaves its part empty with a problem line;
 * output that stops before the end marker is refused, naming what came last.
 */
public final class ProcParser {
    /** Filesystems that hold no data of the host's own: kernel views, memory, snap images. */
    static final Set<String> PSEUDO = Set.of("autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs",
            "debugfs", "devpts", "devtmpfs", "efivarfs", "fusectl", "hugetlbfs", "iso9660", "mqueue", "nsfs", "proc",
            "procfs", "pstore", "ramfs", "rpc_pipefs", "securityfs", "selinuxfs", "squashfs", "sysfs", "tmpfs",
            "tracefs", "fuse.lxcfs", "fuse.gvfsd-fuse", "fuse.portal", "overlay");
    /** Block devices that are not disks (loop, ram, zram, floppy, cd), and partitions when /sys/block is not there. */
    private static final Pattern NOT_A_DISK = Pattern.compile("(loop|ram|zram|fd|sr)\\d+");
    private static final Pattern PARTITION = Pattern.compile("((h|s|v|xv)d[a-z]+\\d+|nvme\\d+n\\d+p\\d+|mmcblk\\d+p\\d+)");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private ProcParser() {
    }

    public static List<Reading> parse(String output) {
        List<Builder> readings = new ArrayList<>();
        Set<String> block = null;
        Map<String, String> types = new HashMap<>();
        List<String> df = new ArrayList<>();
        boolean mountsRead = false;
        String section = "";
        boolean ended = false;
        for (String line : output.split("\n")) {
            if (line.startsWith(ProcScript.MARK)) {
                section = line.substring(ProcScript.MARK.length()).strip();
                if (section.equals("reading")) readings.add(new Builder());
                if (section.equals("block")) block = new HashSet<>();
                if (section.equals("end")) ended = true;
                continue;
            }
            switch (section) {
                case "reading" -> readings.get(readings.size() - 1).line(line);
                case "block" -> block.add(line.strip());
                case "mounts" -> {
                    String[] p = BLANKS.split(line.strip());
                    if (p.length >= 3) types.put(unescape(p[1]), p[2]);
                    mountsRead = true;
                }
                case "df" -> df.add(line);
                default -> { }
            }
        }
        if (!ended || readings.isEmpty()) {
            String tail = output.length() > 200 ? "…" + output.substring(output.length() - 200) : output;
            throw new IllegalArgumentException("the /proc reading stopped before its end" + (tail.isBlank() ? " (no output)" : ": " + tail.strip()));
        }
        List<Reading> out = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            boolean last = i == readings.size() - 1;
            out.add(readings.get(i).build(last ? block : null, last ? mounts(df, types, mountsRead) : null));
        }
        return out;
    }

    private static List<Reading.MountUsage> mounts(List<String> df, Map<String, String> types, boolean mountsRead) {
        if (df.isEmpty()) return null;
        Map<String, Reading.MountUsage> byPath = new LinkedHashMap<>();
        for (String line : df) {
            String[] p = BLANKS.split(line.strip(), 6);
            if (p.length < 6 || !isNumber(p[1])) continue;  // the header, or a line df wrapped
            String path = p[5];
            String type = types.getOrDefault(path, "");
            boolean keep = mountsRead ? !PSEUDO.contains(type) || (type.equals("overlay") && path.equals("/"))
                    : p[0].startsWith("/") || path.equals("/");
            long size = Long.parseLong(p[1]) * 1024;
            if (!keep || size == 0) continue;
            byPath.put(path, new Reading.MountUsage(path, type, size, Long.parseLong(p[2]) * 1024, Long.parseLong(p[3]) * 1024));
        }
        return new ArrayList<>(byPath.values());
    }

    /** /proc/mounts writes a blank in a path as \040 (and tab, newline, backslash likewise). */
    static String unescape(String path) {
        return path.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** One reading's lines ({@code FILE:content}, as grep -H prints them). */
    private static final class Builder {
        Double uptime;
        int cores;
        Reading.CpuTimes cpu;
        double[] load;
        final Map<String, Long> memory = new LinkedHashMap<>();
        final Map<String, Reading.DiskCounters> disks = new LinkedHashMap<>();
        final Map<String, Reading.NetCounters> nets = new LinkedHashMap<>();
        Double entropy;
        final Set<String> seen = new HashSet<>();

        void line(String line) {
            int colon = line.indexOf(':');
            if (colon < 0) return;
            String file = line.substring(0, colon);
            String text = line.substring(colon + 1);
            seen.add(file);
            try {
                switch (file) {
                    case "/proc/uptime" -> uptime = Double.parseDouble(BLANKS.split(text.strip())[0]);
                    case "/proc/loadavg" -> {
                        String[] p = BLANKS.split(text.strip());
                        load = new double[]{Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2])};
                    }
                    case "/proc/meminfo" -> {
                        String[] p = BLANKS.split(text.replace(":", " ").strip());
                        if (p.length >= 2) memory.put(p[0], Long.parseLong(p[1]) * (p.length > 2 && p[2].equals("kB") ? 1024 : 1));
                    }
                    case "/proc/stat" -> stat(text);
                    case "/proc/net/dev" -> net(text);
                    case "/proc/diskstats" -> disk(text);
                    case "/proc/sys/kernel/random/entropy_avail" -> entropy = Double.parseDouble(text.strip());
                    default -> { }
                }
            } catch (RuntimeException e) {
                // one odd line (a kernel's new format) costs that value, not the host's round
            }
        }

        private void stat(String text) {
            String[] p = BLANKS.split(text.strip());
            if (p[0].equals("cpu") && p.length >= 5) {
                long[] v = new long[8];
                for (int i = 0; i < 8 && i + 1 < p.length; i++) v[i] = Long.parseLong(p[i + 1]);
                cpu = new Reading.CpuTimes(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
            } else if (p[0].startsWith("cpu")) {
                cores++;
            }
        }

        private void net(String text) {
            int colon = text.indexOf(':');
            if (colon < 0 || text.contains("|")) return;  // the two header lines
            String name = text.substring(0, colon).strip();
            String[] p = BLANKS.split(text.substring(colon + 1).strip());
            if (name.equals("lo") || p.length < 10) return;
            nets.put(name, new Reading.NetCounters(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[8]),
                    Long.parseLong(p[9])));
        }

        private void disk(String text) {
            String[] p = BLANKS.split(text.strip());
            if (p.length < 13) return;
            disks.put(p[2], new Reading.DiskCounters(Long.parseLong(p[3]), Long.parseLong(p[5]), Long.parseLong(p[7]),
                    Long.parseLong(p[9]), Long.parseLong(p[12])));
        }

        Reading build(Set<String> block, List<Reading.MountUsage> mounts) {
            List<String> problems = new ArrayList<>();
            if (uptime == null) problems.add("/proc/uptime unreadable: no rates");
            if (cpu == null && seen.contains("/proc/stat")) problems.add("/proc/stat has no cpu line");
            Map<String, Reading.DiskCounters> kept = new LinkedHashMap<>();
            disks.forEach((name, c) -> {
                boolean disk = block != null && !block.isEmpty() ? block.contains(name) : !PARTITION.matcher(name).matches();
                if (disk && !NOT_A_DISK.matcher(name).matches()) kept.put(name, c);
            });
            return new Reading(uptime, cores, cpu, load, seen.contains("/proc/meminfo") ? memory : null, mounts,
                    seen.contains("/proc/diskstats") ? kept : null, seen.contains("/proc/net/dev") ? nets : null, entropy, problems);
        }
    }
}

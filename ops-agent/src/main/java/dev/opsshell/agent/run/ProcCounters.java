package dev.opsshell.agent.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The agent's own sampler: what ops's /proc script reads over SSH, read in Java with no process
 * started, as flat {@code family.counter[@label]} keys beside the older ones of
 * {@link HostFacts#metrics()}: {@code cpu.cores}, {@code mem.free|buffers|cached},
 * {@code swap.total|free}, {@code disk.size|used|avail@MOUNT}, {@code diskio.reads|read_sectors|
 * writes|written_sectors|busy_ms@DEVICE}, {@code net.rx_bytes|rx_packets|tx_bytes|tx_packets@IF},
 * {@code entropy.available}. A file that cannot be read leaves its keys out. The filesystem and
 * device choices are the same as ops's parser's (pseudo and network filesystems, loop/ram devices out).
 */
final class ProcCounters {
    /** As ops's ProcParser.PSEUDO, plus network filesystems (the script's df -l): a hung server must not hang a request. */
    static final Set<String> SKIPPED_FS = Set.of("autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs",
            "debugfs", "devpts", "devtmpfs", "efivarfs", "fusectl", "hugetlbfs", "iso9660", "mqueue", "nsfs", "proc",
            "procfs", "pstore", "ramfs", "rpc_pipefs", "securityfs", "selinuxfs", "squashfs", "sysfs", "tmpfs",
            "tracefs", "fuse.lxcfs", "fuse.gvfsd-fuse", "fuse.portal", "overlay",
            "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "ceph", "glusterfs", "9p");
    private static final Pattern NOT_A_DISK = Pattern.compile("(loop|ram|zram|fd|sr)\\d+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private ProcCounters() {
    }

    static Map<String, Double> read() {
        Map<String, Double> m = new LinkedHashMap<>();
        int cores = 0;
        for (String line : lines("/proc/stat")) if (line.startsWith("cpu") && !line.startsWith("cpu ")) cores++;
        if (cores > 0) m.put("cpu.cores", (double) cores);
        for (String line : lines("/proc/meminfo")) {
            String[] p = BLANKS.split(line.replace(":", " ").strip());
            if (p.length < 2) continue;
            String key = switch (p[0]) {
                case "MemFree" -> "mem.free";
                case "Buffers" -> "mem.buffers";
                case "Cached" -> "mem.cached";
                case "SwapTotal" -> "swap.total";
                case "SwapFree" -> "swap.free";
                default -> null;
            };
            if (key != null) m.put(key, Double.parseDouble(p[1]) * (p.length > 2 && p[2].equals("kB") ? 1024 : 1));
        }
        disks(m);
        diskio(m);
        for (String line : lines("/proc/net/dev")) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.contains("|")) continue;
            String name = line.substring(0, colon).strip();
            String[] p = BLANKS.split(line.substring(colon + 1).strip());
            if (name.equals("lo") || p.length < 10) continue;
            m.put("net.rx_bytes@" + name, Double.parseDouble(p[0]));
            m.put("net.rx_packets@" + name, Double.parseDouble(p[1]));
            m.put("net.tx_bytes@" + name, Double.parseDouble(p[8]));
            m.put("net.tx_packets@" + name, Double.parseDouble(p[9]));
        }
        List<String> entropy = lines("/proc/sys/kernel/random/entropy_avail");
        if (!entropy.isEmpty()) m.put("entropy.available", Double.parseDouble(entropy.get(0).strip()));
        return m;
    }

    private static void disks(Map<String, Double> m) {
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : lines("/proc/mounts")) {
            String[] p = BLANKS.split(line.strip());
            if (p.length >= 3) types.put(p[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\"), p[2]);
        }
        types.forEach((path, type) -> {
            if (SKIPPED_FS.contains(type) && !(type.equals("overlay") && path.equals("/"))) return;
            try {
                FileStore fs = Files.getFileStore(Path.of(path));
                long total = fs.getTotalSpace();
                if (total == 0) return;
                // as df: used = blocks less free ones (root's reserve counted used), avail = what users may fill
                m.put("disk.size@" + path, (double) total);
                m.put("disk.used@" + path, (double) (total - fs.getUnallocatedSpace()));
                m.put("disk.avail@" + path, (double) fs.getUsableSpace());
            } catch (IOException | RuntimeException e) {
                // a mount that went away or may not be looked at: left out, as df leaves it
            }
        });
    }

    private static void diskio(Map<String, Double> m) {
        Set<String> block = new HashSet<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(Path.of("/sys/block"))) {
            d.forEach(p -> block.add(p.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            // no /sys/block (some containers): every device below but loop and ram ones
        }
        for (String line : lines("/proc/diskstats")) {
            String[] p = BLANKS.split(line.strip());
            if (p.length < 13 || NOT_A_DISK.matcher(p[2]).matches() || (!block.isEmpty() && !block.contains(p[2]))) continue;
            String dev = p[2];
            m.put("diskio.reads@" + dev, Double.parseDouble(p[3]));
            m.put("diskio.read_sectors@" + dev, Double.parseDouble(p[5]));
            m.put("diskio.writes@" + dev, Double.parseDouble(p[7]));
            m.put("diskio.written_sectors@" + dev, Double.parseDouble(p[9]));
            m.put("diskio.busy_ms@" + dev, Double.parseDouble(p[12]));
        }
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();  // not there (a container, another OS): its keys are left out
        }
    }
}

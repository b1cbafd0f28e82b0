package dev.opsshell.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one POSIX sh script that reads a host's counters from /proc (no sysstat, no root): one grep
 * for the counter files, then, for disk usage, /proc/mounts and {@code df}. A host read for the first
 * time is read twice, {@link #FIRST_GAP_SECONDS} apart, so its first rates and cpu shares are
 * honest; later rounds read once and pair with the previous round's reading. Each part starts with
 * an {@code @@ops:} line; a file that cannot be read has no lines and {@link ProcParser} says so.
 */
public final class ProcScript {
    static final String MARK = "@@ops:";
    /** How far apart a first round's two readings are. */
    public static final int FIRST_GAP_SECONDS = 1;
    static final String LINES = "^[ 0-9]|^cpu|^(MemTotal|MemFree|MemAvailable|Buffers|Cached|SwapTotal|SwapFree):";

    private ProcScript() {
    }

    /** The script for these families; {@code twice} reads the counters twice (a host's first round). */
    public static String text(Set<Family> families, boolean twice) {
        List<String> files = new ArrayList<>(List.of("/proc/uptime"));
        if (families.contains(Family.LOAD)) files.add("/proc/loadavg");
        if (families.contains(Family.MEMORY) || families.contains(Family.SWAP)) files.add("/proc/meminfo");
        if (families.contains(Family.NET)) files.add("/proc/net/dev");
        if (families.contains(Family.DISKIO)) files.add("/proc/diskstats");
        if (families.contains(Family.ENTROPY)) files.add("/proc/sys/kernel/random/entropy_avail");
        if (families.contains(Family.CPU) || families.contains(Family.LOAD)) files.add("/proc/stat");
        // one grep for every file: number lines (uptime, loadavg, diskstats, net/dev, entropy), the
        // cpu lines of /proc/stat and only the meminfo keys used, so little travels back
        StringBuilder s = new StringBuilder("LC_ALL=C; export LC_ALL\nr() {\necho @@ops:reading\n")
                .append("grep -H -E '" + LINES + "' ").append(String.join(" ", files)).append(" 2>/dev/null\n}\n");
        if (twice) s.append("r; sleep ").append(FIRST_GAP_SECONDS).append('\n');
        s.append("r\n");
        if (families.contains(Family.DISKIO)) {
            s.append("echo @@ops:block\nfor d in /sys/block/*; do [ -e \"$d\" ] && echo \"${d##*/}\"; done\n");
        }
        if (families.contains(Family.DISK)) {
            // -l: local filesystems only, so a hung NFS server cannot hang the round (busybox lacks it)
            s.append("echo @@ops:mounts\ngrep '' /proc/mounts 2>/dev/null\n")
                    .append("echo @@ops:df\ndf -Pkl 2>/dev/null || df -Pk 2>/dev/null\n");
        }
        return s.append("echo @@ops:end\n").toString();
    }
}

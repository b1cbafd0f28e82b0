package dev.opsshell.core.facts;

/**
 * The one shell script that gathers a host's facts in a single round trip. POSIX sh (dash, bash,
 * busybox ash), read-only, no root needed, few processes (the files by one grep, then uname, df, ip
 * and systemd-detect-virt): on a loaded host its cost is mostly forks. Each part starts with a
 * {@code @@ops:name} line; a file that cannot be read has no lines, so {@link FactsParser} names what
 * is missing instead of failing the host.
 */
public final class FactsScript {
    /** The marker every part of the output starts with. */
    static final String MARK = "@@ops:";
    static final String UNREADABLE = "@@unreadable";

    /** Files read by one grep, each line prefixed by its file's name (grep -H): one process for all of them. */
    static final java.util.List<String> FILES = java.util.List.of("/etc/os-release", "/proc/meminfo", "/proc/uptime",
            "/proc/loadavg", "/proc/mounts", "/sys/devices/system/cpu/online", "/sys/class/dmi/id/sys_vendor",
            "/sys/class/dmi/id/product_name");

    public static final String TEXT = "echo @@ops:files\n"
            + "grep -H '' " + String.join(" ", FILES) + " 2>/dev/null\n"
            + """
            [ -r /sys/devices/system/cpu/online ] || { echo @@ops:cpus; getconf _NPROCESSORS_ONLN 2>/dev/null; }
            echo @@ops:uname; uname -nrm
            echo @@ops:df; df -Pk 2>/dev/null
            echo @@ops:addr; ip -o addr show 2>/dev/null || echo '@@unreadable'
            echo @@ops:virt
            command -v systemd-detect-virt >/dev/null 2>&1 && echo "detect=$(systemd-detect-virt 2>/dev/null)"
            [ -f /.dockerenv ] && echo container=docker
            [ -f /run/.containerenv ] && echo container=podman
            grep -qm1 '^flags.* hypervisor' /proc/cpuinfo 2>/dev/null && echo hypervisor=yes
            echo @@ops:end
            """;

    private FactsScript() {
    }
}

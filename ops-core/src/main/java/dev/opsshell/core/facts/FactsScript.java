package dev.opsshell.core.facts;

/**
 * The one shell script that gathers a host's facts in a single round trip. POSIX sh (dash, bash,
 * busybox ash), read-only, no root needed. Each part starts with a {@code @@ops:name} line; a file
 * that cannot be read says {@code @@unreadable} in its part, so {@link FactsParser} names what is
 * missing instead of failing the host.
 */
public final class FactsScript {
    /** The marker every part of the output starts with. */
    static final String MARK = "@@ops:";
    static final String UNREADABLE = "@@unreadable";

    public static final String TEXT = """
            r() { cat "$1" 2>/dev/null || echo '@@unreadable'; }
            echo @@ops:os; r /etc/os-release
            echo @@ops:uname; uname -n; uname -r; uname -m
            echo @@ops:cpus; getconf _NPROCESSORS_ONLN 2>/dev/null || grep -c ^processor /proc/cpuinfo 2>/dev/null
            echo @@ops:meminfo; r /proc/meminfo
            echo @@ops:uptime; r /proc/uptime
            echo @@ops:loadavg; r /proc/loadavg
            echo @@ops:mounts; r /proc/mounts
            echo @@ops:df; df -Pk 2>/dev/null
            echo @@ops:addr; ip -o addr show 2>/dev/null || echo '@@unreadable'
            echo @@ops:virt
            command -v systemd-detect-virt >/dev/null 2>&1 && echo "detect=$(systemd-detect-virt 2>/dev/null)"
            [ -f /.dockerenv ] && echo container=docker
            [ -f /run/.containerenv ] && echo container=podman
            grep -qa container=lxc /proc/1/environ 2>/dev/null && echo container=lxc
            echo "vendor=$(cat /sys/class/dmi/id/sys_vendor 2>/dev/null)"
            echo "product=$(cat /sys/class/dmi/id/product_name 2>/dev/null)"
            grep -q '^flags.* hypervisor' /proc/cpuinfo 2>/dev/null && echo hypervisor=yes
            echo @@ops:end
            """;

    private FactsScript() {
    }
}

package dev.opsshell.core.facts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@link FactsScript}'s output into {@link Facts}. Pure: tested against outputs captured from
 * real hosts. A part that is missing or unreadable leaves its fact empty and adds a problem line.
 */
public final class FactsParser {
    private FactsParser() {
    }

    /** Parses one host's output; {@code host} is the inventory name the facts are for. */
    public static Facts parse(String host, String output) {
        Map<String, List<String>> parts = parts(output);
        List<String> problems = new ArrayList<>();
        if (!parts.containsKey("end")) {
            throw new IllegalArgumentException("the facts script's output ended early (no @@ops:end): " + tail(output));
        }
        Map<String, List<String>> files = files(parts.getOrDefault("files", List.of()));
        List<String> uname = part(parts, "uname", "uname", problems);
        String[] u = uname.isEmpty() ? new String[0] : uname.get(0).strip().split("\\s+");
        Map<String, Long> mem = meminfo(part(files, "/proc/meminfo", "memory: /proc/meminfo", problems));
        List<String> virt = new ArrayList<>(parts.getOrDefault("virt", List.of()));
        files.getOrDefault("/sys/class/dmi/id/sys_vendor", List.of()).forEach(l -> virt.add("vendor=" + l));
        files.getOrDefault("/sys/class/dmi/id/product_name", List.of()).forEach(l -> virt.add("product=" + l));
        return new Facts(host,
                u.length > 0 ? u[0] : "",
                os(part(files, "/etc/os-release", "os: /etc/os-release", problems)),
                u.length > 1 ? u[1] : "",
                u.length > 2 ? u[2] : "",
                cpus(files.get("/sys/devices/system/cpu/online"), parts.getOrDefault("cpus", List.of()), problems),
                new Facts.Memory(mem.getOrDefault("MemTotal", 0L), mem.getOrDefault("MemAvailable", mem.getOrDefault("MemFree", 0L))),
                new Facts.Memory(mem.getOrDefault("SwapTotal", 0L), mem.getOrDefault("SwapFree", 0L)),
                mounts(part(files, "/proc/mounts", "mounts: /proc/mounts", problems), parts.getOrDefault("df", List.of())),
                addresses(part(parts, "addr", "addresses: ip -o addr", problems)),
                uptime(part(files, "/proc/uptime", "uptime: /proc/uptime", problems)),
                load(part(files, "/proc/loadavg", "load: /proc/loadavg", problems)),
                virtualisation(virt),
                problems);
    }

    /** grep -H lines ({@code /proc/uptime:123.4 56.7}) back into each file's lines. */
    static Map<String, List<String>> files(List<String> lines) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        for (String line : lines) {
            for (String f : FactsScript.FILES) {
                if (line.startsWith(f + ":")) {
                    files.computeIfAbsent(f, k -> new ArrayList<>()).add(line.substring(f.length() + 1));
                    break;
                }
            }
        }
        return files;
    }

    /** The lines of each part, by name, in order. */
    static Map<String, List<String>> parts(String output) {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : output.split("\n")) {
            if (line.startsWith(FactsScript.MARK)) {
                current = new ArrayList<>();
                parts.put(line.substring(FactsScript.MARK.length()).strip(), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return parts;
    }

    private static List<String> part(Map<String, List<String>> parts, String name, String what, List<String> problems) {
        List<String> lines = parts.get(name);
        if (lines == null || lines.contains(FactsScript.UNREADABLE) || lines.stream().allMatch(String::isBlank)) {
            problems.add(what + " unreadable");
            return List.of();
        }
        return lines;
    }

    static Facts.Os os(List<String> lines) {
        Map<String, String> v = new HashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) v.put(line.substring(0, eq), unquote(line.substring(eq + 1)));
        }
        if (v.isEmpty()) return Facts.Os.UNKNOWN;
        String like = v.getOrDefault("ID_LIKE", "");
        return new Facts.Os(v.getOrDefault("ID", "linux").toLowerCase(Locale.ROOT), v.getOrDefault("VERSION_ID", ""),
                v.getOrDefault("PRETTY_NAME", v.getOrDefault("NAME", "")),
                like.isBlank() ? List.of() : Arrays.asList(like.toLowerCase(Locale.ROOT).split("\\s+")));
    }

    private static String unquote(String s) {
        s = s.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            s = s.substring(1, s.length() - 1);
        }
        return s.replace("\\\"", "\"");
    }

    /** The online CPUs from /sys ({@code 0-3,8-11}), else the count getconf gave. */
    static int cpus(List<String> online, List<String> counted, List<String> problems) {
        if (online != null && !online.isEmpty() && online.get(0).strip().matches("[\\d,-]+")) {
            int n = 0;
            for (String range : online.get(0).strip().split(",")) {
                String[] ends = range.split("-");
                n += ends.length == 2 ? Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1 : 1;
            }
            return n;
        }
        for (String line : counted) {
            if (line.strip().matches("\\d+")) return Integer.parseInt(line.strip());
        }
        problems.add("cpus: /sys/devices/system/cpu/online and getconf unreadable");
        return 0;
    }

    static Map<String, Long> meminfo(List<String> lines) {
        Map<String, Long> m = new HashMap<>();
        for (String line : lines) {
            String[] p = line.split("[:\\s]+");
            if (p.length >= 2 && p[1].matches("\\d+")) {
                m.put(p[0], Long.parseLong(p[1]) * (p.length > 2 && p[2].equals("kB") ? 1024 : 1));
            }
        }
        return m;
    }

    static List<Facts.Mount> mounts(List<String> procMounts, List<String> df) {
        Map<String, long[]> sizes = new HashMap<>();
        for (String line : df) {
            String[] p = line.strip().split("\\s+");
            // Filesystem 1024-blocks Used Available Capacity Mounted-on (the path may hold spaces)
            if (p.length < 6 || !p[1].matches("\\d+")) continue;
            String path = String.join(" ", Arrays.copyOfRange(p, 5, p.length));
            sizes.put(path, new long[] {Long.parseLong(p[1]) * 1024, Long.parseLong(p[2]) * 1024, Long.parseLong(p[3]) * 1024});
        }
        List<Facts.Mount> out = new ArrayList<>();
        for (String line : procMounts) {
            String[] p = line.split(" ");
            if (p.length < 3) continue;
            String path = octal(p[1]);
            long[] s = sizes.getOrDefault(path, new long[3]);
            out.add(new Facts.Mount(octal(p[0]), path, p[2], s[0], s[1], s[2]));
        }
        return out;
    }

    /** /proc/mounts writes a space in a path as \040. */
    private static String octal(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\");
    }

    static List<Facts.Address> addresses(List<String> lines) {
        List<Facts.Address> out = new ArrayList<>();
        for (String line : lines) {
            // 4: eth0    inet 192.0.2.2/24 brd 192.0.2.255 scope global eth0\       valid_lft forever …
            String[] p = line.strip().split("\\s+");
            if (p.length < 4 || !(p[2].equals("inet") || p[2].equals("inet6"))) continue;
            String[] a = p[3].split("/");
            out.add(new Facts.Address(p[1].replaceAll("@.*", ""), p[2], a[0], a.length > 1 ? Integer.parseInt(a[1]) : 0));
        }
        return out;
    }

    private static Duration uptime(List<String> lines) {
        if (lines.isEmpty()) return Duration.ZERO;
        String first = lines.get(0).strip().split("\\s+")[0];
        return first.matches("[\\d.]+") ? Duration.ofMillis((long) (Double.parseDouble(first) * 1000)) : Duration.ZERO;
    }

    private static Facts.Load load(List<String> lines) {
        if (lines.isEmpty()) return Facts.Load.NONE;
        String[] p = lines.get(0).strip().split("\\s+");
        if (p.length < 3) return Facts.Load.NONE;
        return new Facts.Load(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]));
    }

    /**
     * systemd-detect-virt's word where it gives one; else a container marker; else the DMI vendor
     * (kvm, qemu, vmware, xen, microsoft, amazon); else {@code vm} for a CPU flagged as a guest; else none.
     */
    static String virtualisation(List<String> lines) {
        Map<String, String> v = new HashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) v.putIfAbsent(line.substring(0, eq), line.substring(eq + 1).strip());
        }
        String detect = v.getOrDefault("detect", "");
        if (!detect.isEmpty() && !detect.equals("none")) return detect;
        if (v.containsKey("container")) return v.get("container");
        String dmi = (v.getOrDefault("vendor", "") + " " + v.getOrDefault("product", "")).toLowerCase(Locale.ROOT);
        if (dmi.contains("kvm")) return "kvm";
        if (dmi.contains("qemu")) return "qemu";
        if (dmi.contains("vmware")) return "vmware";
        if (dmi.contains("xen")) return "xen";
        if (dmi.contains("microsoft")) return "microsoft";
        if (dmi.contains("amazon")) return "amazon";
        if (v.containsKey("hypervisor")) return "vm";
        return detect.equals("none") || !dmi.isBlank() ? "none" : "unknown";
    }

    private static String tail(String output) {
        String s = output.strip();
        return s.isEmpty() ? "(no output)" : s.length() > 200 ? "…" + s.substring(s.length() - 200) : s;
    }
}

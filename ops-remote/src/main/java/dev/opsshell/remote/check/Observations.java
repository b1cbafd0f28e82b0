package dev.opsshell.remote.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A probe's section read as goss's attribute values for its kind (Boolean, Long, String, List of
 * String). An attribute that cannot be observed (the mode of a missing file) is absent, with
 * {@link #why()} saying why; a probe that could not run at all has an {@link #error()}.
 */
record Observations(Map<String, Object> values, String why, String error) {

    static Observations of(Subject subject, ProbeScript.Section s) {
        if (s.first("error") != null) return new Observations(Map.of(), "", s.first("error"));
        Map<String, Object> v = new HashMap<>();
        String why = "";
        switch (subject.kind()) {
            case PACKAGE -> {
                List<String> versions = s.all("version");
                v.put("installed", !versions.isEmpty());
                v.put("versions", versions);
            }
            case SERVICE -> {
                v.put("running", "true".equals(s.first("running")));
                // goss keeps only numbered runlevels (/etc/rc([0-9]+).d/): a link in rcS.d alone is not enabled
                List<String> levels = s.all("runlevel").stream().filter(f -> f.matches("^/etc/rc[0-9]+\\.d/.*"))
                        .map(f -> f.replaceAll("^/etc/rc([0-9]+)\\.d/.*$", "$1")).toList();
                v.put("enabled", "systemd".equals(s.first("manager")) ? "true".equals(s.first("enabled")) : !levels.isEmpty());
                v.put("runlevels", levels);
            }
            case PORT -> {
                List<String> ips = new ArrayList<>();
                for (String local : s.all("local")) ips.add(ProcNetAddress.ip(local.substring(0, local.indexOf(':'))));
                v.put("listening", !ips.isEmpty());
                v.put("ip", ips);
            }
            case FILE -> {
                boolean exists = "true".equals(s.first("exists"));
                v.put("exists", exists);
                if (!exists) {
                    why = "no such file";
                    break;
                }
                v.put("filetype", fileType(s.first("type")));
                if (s.first("mode") != null) {
                    v.put("mode", String.format("%04o", Integer.parseInt(s.first("mode"), 8)));
                    v.put("size", Long.parseLong(s.first("size")));
                    v.put("owner", s.first("owner"));
                    v.put("uid", Long.parseLong(s.first("uid")));
                    v.put("group", s.first("group"));
                    v.put("gid", Long.parseLong(s.first("gid")));
                } else {
                    why = "a dangling link";
                }
                if (s.first("link") != null) v.put("linked-to", s.first("link"));
                for (String sum : List.of("md5", "sha256", "sha512")) if (s.first(sum) != null) v.put(sum, s.first(sum));
                if (s.blobs().containsKey("contents")) {
                    v.put("contents", s.blobs().get("contents"));
                    v.put("contains", s.blobs().get("contents"));
                } else if (!"file".equals(v.get("filetype"))) {
                    why = "not a regular file";
                }
            }
            case COMMAND -> {
                long exit = Long.parseLong(s.blobs().get("exit").strip());
                if (exit == 124) why = "timed out (exit 124 from timeout(1))";
                v.put("exit-status", exit);
                v.put("stdout", s.blobs().getOrDefault("stdout", ""));
                v.put("stderr", s.blobs().getOrDefault("stderr", ""));
            }
            case PROCESS -> v.put("running", "true".equals(s.first("running")));
            case USER -> {
                String line = s.first("passwd");
                v.put("exists", line != null);
                if (line == null) {
                    why = "no such user";
                    break;
                }
                String[] f = line.split(":", -1);
                v.put("uid", Long.parseLong(f[2]));
                v.put("gid", Long.parseLong(f[3]));
                v.put("home", f[5]);
                v.put("shell", f.length > 6 ? f[6] : "");
                if (s.first("groups") != null) { // read only when a check asks (id -Gn is a process)
                    v.put("groups", List.copyOf(new LinkedHashSet<>(Arrays.asList(s.first("groups").strip().split("\\s+")))));
                }
            }
            case GROUP -> {
                String line = s.first("group");
                v.put("exists", line != null);
                if (line == null) why = "no such group";
                else v.put("gid", Long.parseLong(line.split(":", -1)[2]));
            }
            case HTTP -> {
                v.put("status", Long.parseLong(s.first("status")));
                v.put("body", s.blobs().getOrDefault("body", ""));
                v.put("headers", s.blobs().getOrDefault("headers", "").replace("\r", ""));
            }
            case KERNEL_PARAM -> v.put("value", s.blobs().getOrDefault("value", "").stripTrailing());
            case MOUNT -> {
                String info = s.first("mountinfo");
                v.put("exists", info != null);
                if (info == null) {
                    why = "not a mount point";
                    break;
                }
                Mountinfo m = Mountinfo.parse(info);
                v.put("opts", m.opts());
                v.put("vfs-opts", m.vfsOpts());
                v.put("source", m.source());
                v.put("filesystem", m.filesystem());
                String blocks = s.first("blocks");
                if (blocks != null) {
                    String[] b = blocks.split(" ");
                    double total = Double.parseDouble(b[0]);
                    v.put("usage", total == 0 ? 0L : Math.round((1 - Double.parseDouble(b[1]) / total) * 100));
                }
            }
            case ADDR -> v.put("reachable", "true".equals(s.first("reachable")));
            case DNS -> {
                List<String> addrs = s.all("addr");
                v.put("resolvable", !addrs.isEmpty());
                v.put("resolveable", !addrs.isEmpty());
                v.put("addrs", addrs);
            }
        }
        return new Observations(v, why, "");
    }

    /** stat's %F in goss's words. */
    private static String fileType(String stat) {
        if (stat == null) return "";
        return switch (stat) {
            case "regular file", "regular empty file" -> "file";
            case "directory" -> "directory";
            case "symbolic link" -> "symlink";
            case "socket" -> "socket";
            case "fifo" -> "pipe";
            case "character special file" -> "character-device";
            case "block special file" -> "block-device";
            default -> stat;
        };
    }
}

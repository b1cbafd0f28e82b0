package dev.opsshell.remote.check;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resource types a check can look at, named as in a gossfile, with the attributes ops reads
 * for each (goss's names and types), the key that may rename the resource ({@code path},
 * {@code exec} …) and the keys that configure how it is probed ({@code timeout} …). goss keys
 * ops does not implement are listed so a gossfile using one is refused by name.
 */
public enum Kind {
    PACKAGE("package", "Package", "name", attrs("installed", Type.BOOL, "versions", Type.LIST), Set.of(),
            Set.of("retry_count", "retry_delay")),
    SERVICE("service", "Service", "name", attrs("enabled", Type.BOOL, "running", Type.BOOL, "runlevels", Type.LIST),
            Set.of(), Set.of()),
    PORT("port", "Port", "port", attrs("listening", Type.BOOL, "ip", Type.LIST), Set.of(), Set.of()),
    FILE("file", "File", "path", attrs("exists", Type.BOOL, "mode", Type.STRING, "size", Type.NUMBER,
            "owner", Type.STRING, "uid", Type.NUMBER, "group", Type.STRING, "gid", Type.NUMBER,
            "filetype", Type.STRING, "linked-to", Type.STRING, "contents", Type.TEXT, "contains", Type.TEXT,
            "md5", Type.STRING, "sha256", Type.STRING, "sha512", Type.STRING), Set.of(), Set.of()),
    COMMAND("command", "Command", "exec", attrs("exit-status", Type.NUMBER, "stdout", Type.TEXT, "stderr", Type.TEXT),
            Set.of("timeout"), Set.of("retry_count", "retry_delay")),
    PROCESS("process", "Process", "comm", attrs("running", Type.BOOL), Set.of(), Set.of()),
    USER("user", "User", "username", attrs("exists", Type.BOOL, "uid", Type.NUMBER, "gid", Type.NUMBER,
            "groups", Type.LIST, "home", Type.STRING, "shell", Type.STRING), Set.of(), Set.of()),
    GROUP("group", "Group", "groupname", attrs("exists", Type.BOOL, "gid", Type.NUMBER), Set.of(), Set.of()),
    HTTP("http", "HTTP", "url", attrs("status", Type.NUMBER, "body", Type.TEXT, "headers", Type.TEXT),
            Set.of("method", "allow-insecure", "no-follow-redirects", "timeout", "request-headers", "request-body"),
            Set.of("username", "password", "ca-file", "cert-file", "key-file", "proxy")),
    KERNEL_PARAM("kernel-param", "KernelParam", "name", attrs("value", Type.STRING), Set.of(), Set.of()),
    MOUNT("mount", "Mount", "mountpoint", attrs("exists", Type.BOOL, "opts", Type.LIST, "vfs-opts", Type.LIST,
            "source", Type.STRING, "filesystem", Type.STRING, "usage", Type.NUMBER), Set.of("timeout"), Set.of()),
    ADDR("addr", "Addr", "address", attrs("reachable", Type.BOOL), Set.of("timeout"), Set.of("local-address")),
    DNS("dns", "DNS", "resolve", attrs("resolvable", Type.BOOL, "resolveable", Type.BOOL, "addrs", Type.LIST),
            Set.of("timeout"), Set.of("server", "retry_count", "retry_delay"));

    /** What an attribute's observed value is; TEXT is goss's io.Reader (a list expected means patterns). */
    public enum Type { BOOL, NUMBER, STRING, LIST, TEXT }

    /** goss resource types ops refuses (by name) rather than skipping. */
    public static final Set<String> UNSUPPORTED = Set.of("interface", "matching");

    private final String goss;
    private final String label;
    private final String idKey;
    private final Map<String, Type> attributes;
    private final Set<String> options;
    private final Set<String> unsupported;

    Kind(String goss, String label, String idKey, Map<String, Type> attributes, Set<String> options,
         Set<String> unsupported) {
        this.goss = goss;
        this.label = label;
        this.idKey = idKey;
        this.attributes = attributes;
        this.options = options;
        this.unsupported = unsupported;
    }

    public String goss() {
        return goss;
    }

    /** As goss prints it: {@code File}, {@code KernelParam}. */
    public String label() {
        return label;
    }

    public String idKey() {
        return idKey;
    }

    public Map<String, Type> attributes() {
        return attributes;
    }

    public Set<String> options() {
        return options;
    }

    public Set<String> unsupported() {
        return unsupported;
    }

    public static Optional<Kind> byGossName(String name) {
        return Arrays.stream(values()).filter(k -> k.goss.equals(name)).findFirst();
    }

    public static List<String> gossNames() {
        return Arrays.stream(values()).map(Kind::goss).toList();
    }

    private static Map<String, Type> attrs(Object... pairs) {
        Map<String, Type> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (Type) pairs[i + 1]);
        return m;
    }
}

package dev.opsshell.remote.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an OpenSSH client config ({@code ~/.ssh/config}) that decide how a host is reached:
 * {@code Host} patterns ({@code *}, {@code ?}, {@code !negated}), {@code HostName}, {@code User},
 * {@code Port}, {@code IdentityFile}, {@code IdentitiesOnly}, {@code IdentityAgent} and {@code ProxyJump}.
 * As in OpenSSH the first value found for
 * a keyword wins and every matching {@code IdentityFile} is kept. {@code Match} blocks and
 * {@code Include} are not supported: their lines are skipped. Immutable and thread-safe.
 */
public final class SshConfig {
    private static final List<String> KNOWN = List.of("hostname", "user", "port", "identityfile", "proxyjump",
            "identitiesonly", "identityagent");

    private record Block(List<String> patterns, List<String[]> options) {
    }

    /** What the config says about one host; empty fields mean "not set". */
    public record Entry(Optional<String> hostName, Optional<String> user, Optional<Integer> port,
                        List<String> identityFiles, Optional<String> proxyJump,
                        Optional<Boolean> identitiesOnly, Optional<String> identityAgent) {
        public static final Entry EMPTY = new Entry(Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static final SshConfig EMPTY = new SshConfig(List.of());

    private final List<Block> blocks;

    private SshConfig(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Reads a config file; a missing file is an empty config. */
    public static SshConfig load(Path file) {
        if (!Files.isRegularFile(file)) return EMPTY;
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ssh config " + file + ": " + e.getMessage(), e);
        }
    }

    /** The user's {@code ~/.ssh/config}. */
    public static SshConfig userDefault() {
        return load(Path.of(System.getProperty("user.home"), ".ssh", "config"));
    }

    public static SshConfig parse(String text) {
        List<Block> blocks = new ArrayList<>();
        Block current = new Block(List.of("*"), new ArrayList<>());
        blocks.add(current);
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] kv = line.split("\\s*=\\s*|\\s+", 2);
            String key = kv[0].toLowerCase(Locale.ROOT);
            String value = kv.length > 1 ? unquote(kv[1].strip()) : "";
            if (key.equals("host")) {
                current = new Block(List.of(value.split("\\s+")), new ArrayList<>());
                blocks.add(current);
            } else if (key.equals("match")) {
                current = new Block(List.of(), new ArrayList<>()); // never matches: Match is not supported
                blocks.add(current);
            } else if (KNOWN.contains(key)) {
                current.options().add(new String[] {key, value});
            }
        }
        return new SshConfig(blocks);
    }

    /** What applies to {@code host} (the name as dialled), with {@code %h}, {@code %p}, {@code %r}, {@code ~} expanded. */
    public Entry lookup(String host) {
        Map<String, String> first = new LinkedHashMap<>();
        List<String> identities = new ArrayList<>();
        for (Block b : blocks) {
            if (!matches(b.patterns(), host)) continue;
            for (String[] o : b.options()) {
                if (o[0].equals("identityfile")) identities.add(o[1]);
                else first.putIfAbsent(o[0], o[1]);
            }
        }
        String hostName = expand(first.getOrDefault("hostname", host), host, host, "", "");
        String user = first.get("user");
        Integer port = first.containsKey("port") ? parsePort(first.get("port")) : null;
        String p = port == null ? "22" : port.toString();
        String u = user == null ? System.getProperty("user.name") : user;
        List<String> files = identities.stream().map(f -> expand(f, host, hostName, p, u)).toList();
        String jump = first.get("proxyjump");
        Optional<String> agent = Optional.ofNullable(first.get("identityagent")).map(a -> expand(a, host, hostName, p, u));
        return new Entry(first.containsKey("hostname") ? Optional.of(hostName) : Optional.empty(),
                Optional.ofNullable(user), Optional.ofNullable(port), files,
                jump == null || jump.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(jump),
                Optional.ofNullable(first.get("identitiesonly")).map(SshConfig::yesNo), agent);
    }

    /** {@code yes}/{@code no} as OpenSSH reads them (also {@code true}/{@code false}). */
    static boolean yesNo(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> throw new IllegalArgumentException("ssh config: expected yes or no, was '" + value + "'");
        };
    }

    private static Integer parsePort(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ssh config: Port must be a number, was '" + value + "'", e);
        }
    }

    static boolean matches(List<String> patterns, String host) {
        boolean any = false;
        for (String p : patterns) {
            boolean negated = p.startsWith("!");
            String glob = negated ? p.substring(1) : p;
            if (glob(glob, host)) {
                if (negated) return false;
                any = true;
            }
        }
        return any;
    }

    private static boolean glob(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(text).matches();
    }

    private static String expand(String value, String alias, String hostName, String port, String user) {
        String v = value.startsWith("~/") ? System.getProperty("user.home") + value.substring(1) : value;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '%' || i + 1 == v.length()) {
                out.append(c);
                continue;
            }
            char t = v.charAt(++i);
            switch (t) {
                case 'h' -> out.append(hostName);
                case 'n' -> out.append(alias);
                case 'p' -> out.append(port);
                case 'r' -> out.append(user);
                case 'u' -> out.append(System.getProperty("user.name"));
                case 'd' -> out.append(System.getProperty("user.home"));
                case '%' -> out.append('%');
                default -> out.append('%').append(t);
            }
        }
        return out.toString();
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}

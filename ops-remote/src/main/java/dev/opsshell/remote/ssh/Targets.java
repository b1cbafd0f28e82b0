package dev.opsshell.remote.ssh;

import dev.opsshell.core.host.Host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out how to reach an inventory host: inventory variables first ({@code ansible_host},
 * {@code ansible_port}, {@code ansible_user}, {@code ansible_ssh_private_key_file},
 * {@code ops_jump}, {@code ansible_ssh_common_args} with {@code -J}, {@code -o IdentitiesOnly=},
 * {@code -o IdentityAgent=}), then {@code ~/.ssh/config}, then defaults (port 22, the current user,
 * {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa}, the ssh-agent at {@code SSH_AUTH_SOCK}).
 */
final class Targets {
    private static final Pattern JUMP_ARG = Pattern.compile(
            "(?:-J\\s*|-o\\s*['\"]?ProxyJump[=\\s]\\s*)([^\\s'\"]+)", Pattern.CASE_INSENSITIVE);

    private final SshConfig config;
    private final List<Path> defaultKeys;
    private final Path defaultAgent;

    /** {@code defaultAgent}: the ssh-agent socket used unless IdentityAgent says otherwise; null for none. */
    Targets(SshConfig config, List<Path> defaultKeys, Path defaultAgent) {
        this.config = config;
        this.defaultKeys = List.copyOf(defaultKeys);
        this.defaultAgent = defaultAgent;
    }

    /** The agent socket named by {@code SSH_AUTH_SOCK}, or null when it is unset. */
    static Path environmentAgent() {
        String sock = System.getenv("SSH_AUTH_SOCK");
        return sock == null || sock.isBlank() ? null : Path.of(sock);
    }

    /** The default key files that exist under {@code sshDir}, in OpenSSH's order. */
    static List<Path> defaultKeys(Path sshDir) {
        return List.of("id_ed25519", "id_ecdsa", "id_rsa").stream().map(sshDir::resolve).toList();
    }

    Target of(Host host) {
        SshConfig.Entry c = config.lookup(host.address());
        String address = !host.address().equals(host.name()) ? host.address() : c.hostName().orElse(host.address());
        int port = host.port() > 0 ? host.port() : c.port().orElse(22);
        String user = host.user() != null ? host.user() : c.user().orElse(System.getProperty("user.name"));
        List<Path> explicit = new ArrayList<>();
        host.var("ansible_ssh_private_key_file").or(() -> host.var("ansible_private_key_file"))
                .ifPresent(f -> explicit.add(path(f)));
        c.identityFiles().forEach(f -> explicit.add(path(f)));
        String password = host.var("ansible_password").or(() -> host.var("ansible_ssh_pass")).orElse(null);
        Optional<String> jumpSpec = host.var("ops_jump")
                .or(() -> host.var("ansible_ssh_common_args").flatMap(Targets::jumpFromArgs))
                .or(c::proxyJump);
        Target jump = jumpSpec.map(spec -> chain(spec, explicit)).orElse(null);
        Endpoint endpoint = new Endpoint(user, address, port, jump == null ? null : jump.endpoint());
        String args = host.var("ansible_ssh_common_args").orElse("") + " " + host.var("ansible_ssh_extra_args").orElse("");
        boolean identitiesOnly = optionFromArgs(args, "IdentitiesOnly").map(SshConfig::yesNo)
                .or(c::identitiesOnly).orElse(false);
        Path agent = agent(optionFromArgs(args, "IdentityAgent").or(c::identityAgent));
        return new Target(endpoint, keys(explicit, List.of()), password, jump, agent, identitiesOnly);
    }

    /** {@code a,b}: connect to a, then b through a; returns the last hop (the one next to the host). */
    Target chain(String spec, List<Path> targetKeys) {
        Target previous = null;
        for (String hop : spec.split(",")) {
            previous = hop(hop.strip(), previous, targetKeys);
        }
        return previous;
    }

    private Target hop(String spec, Target via, List<Path> targetKeys) {
        String s = spec.startsWith("ssh://") ? spec.substring(6) : spec;
        String user = null;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            user = s.substring(0, at);
            s = s.substring(at + 1);
        }
        Integer port = null;
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            port = Integer.valueOf(s.substring(colon + 1));
            s = s.substring(0, colon);
        }
        SshConfig.Entry c = config.lookup(s);
        String address = c.hostName().orElse(s);
        int p = port != null ? port : c.port().orElse(22);
        String u = user != null ? user : c.user().orElse(System.getProperty("user.name"));
        List<Path> own = c.identityFiles().stream().map(Targets::path).toList();
        Endpoint endpoint = new Endpoint(u, address, p, via == null ? null : via.endpoint());
        return new Target(endpoint, keys(own, targetKeys), null, via, agent(c.identityAgent()),
                c.identitiesOnly().orElse(false));
    }

    /** OpenSSH's IdentityAgent: {@code none}, {@code SSH_AUTH_SOCK} (the default), {@code $VAR} or a socket path. */
    private Path agent(Optional<String> identityAgent) {
        String spec = identityAgent.orElse("SSH_AUTH_SOCK");
        if (spec.equalsIgnoreCase("none")) return null;
        if (spec.equals("SSH_AUTH_SOCK")) return defaultAgent;
        if (spec.startsWith("$")) {
            String value = System.getenv(spec.substring(1));
            return value == null || value.isBlank() ? null : Path.of(value);
        }
        return path(spec);
    }

    /** The value of {@code -o NAME=value} (or {@code -o NAME value}) in ssh arguments. */
    static Optional<String> optionFromArgs(String args, String name) {
        Matcher m = Pattern.compile("-o\\s*['\"]?" + name + "(?:=|\\s)\\s*([^\\s'\"]+)", Pattern.CASE_INSENSITIVE)
                .matcher(args);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The jump host named by {@code -J host} or {@code -o ProxyJump=host} in ssh arguments. */
    static Optional<String> jumpFromArgs(String args) {
        Matcher m = JUMP_ARG.matcher(args);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private List<Path> keys(List<Path> own, List<Path> borrowed) {
        Set<Path> all = new LinkedHashSet<>(own);
        all.addAll(borrowed);
        for (Path p : defaultKeys) {
            if (Files.isRegularFile(p)) all.add(p);
        }
        return List.copyOf(all);
    }

    private static Path path(String file) {
        return Path.of(file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file);
    }
}

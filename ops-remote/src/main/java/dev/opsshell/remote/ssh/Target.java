package dev.opsshell.remote.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to open and log in one SSH connection: the endpoint, the key files to offer in
 * order (explicit ones first, then defaults), an optional login password (inventory
 * {@code ansible_password}), the jump host's own target when the endpoint is tunnelled, the
 * ssh-agent socket to ask for keys (null: no agent), and whether only the key files (and the
 * agent's copies of them) may be offered ({@code IdentitiesOnly}).
 */
public record Target(Endpoint endpoint, List<Path> keys, String password, Target jump, Path agent,
                     boolean identitiesOnly) {

    public Target {
        Objects.requireNonNull(endpoint, "endpoint");
        keys = List.copyOf(keys);
        if ((jump == null) != (endpoint.jump() == null)) {
            throw new IllegalArgumentException("jump target and endpoint disagree for " + endpoint);
        }
    }

    @Override
    public String toString() {
        return endpoint.toString(); // never the password
    }
}

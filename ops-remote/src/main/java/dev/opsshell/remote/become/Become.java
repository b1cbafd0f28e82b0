package dev.opsshell.remote.become;

import dev.opsshell.core.host.Host;

import java.util.Optional;

/**
 * Who a host's sudo commands run as, read from Ansible's variables the same way by every transport:
 * {@code ansible_become_user} (default root) and {@code ansible_become_password} (or the older
 * {@code ansible_become_pass}).
 */
public final class Become {
    private Become() {
    }

    /** The user sudo commands run as on {@code host}. */
    public static String user(Host host) {
        return host.var("ansible_become_user").filter(u -> !u.isBlank()).orElse("root");
    }

    public static Optional<String> password(Host host) {
        return host.var("ansible_become_password").or(() -> host.var("ansible_become_pass"));
    }
}

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

    /**
     * Why sudo cannot be done on {@code host} as its inventory asks, or empty: ops becomes users
     * with sudo only, so an {@code ansible_become_method} of su, doas or another is refused for that
     * host rather than silently replaced by sudo.
     */
    public static Optional<String> unsupported(Host host) {
        return host.var("ansible_become_method").map(String::strip)
                .filter(m -> !m.isEmpty() && !m.equals("sudo"))
                .map(m -> "ansible_become_method=" + m + " is not supported on " + host.name()
                        + ": ops becomes users with sudo only; set it to sudo or remove it for this host");
    }

    /** The message for a sudo that refused an unknown become user, from its stderr; empty otherwise. */
    public static Optional<String> unknownUser(String stderr, String user, String where) {
        if (stderr == null || !stderr.contains("unknown user")) return Optional.empty();
        return Optional.of("sudo on " + where + ": there is no user '" + user
                + "' to become (ansible_become_user); create it or fix the variable");
    }
}

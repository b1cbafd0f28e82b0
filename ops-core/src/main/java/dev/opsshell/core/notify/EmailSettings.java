package dev.opsshell.core.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where mail goes ({@code notify.email.*} in {@code ~/.ops/config}): the SMTP server, sender,
 * recipients, STARTTLS, and the user to log in as. The password is never held here: only where
 * it is read from at send time, an environment variable ({@code password_env}, default
 * {@code OPS_SMTP_PASSWORD}) or a file ({@code password_file}, owner-readable only).
 */
public record EmailSettings(String host, int port, String from, List<String> to, boolean starttls, String user,
                            String passwordEnv, Path passwordFile) {
    public static final String DEFAULT_PASSWORD_ENV = "OPS_SMTP_PASSWORD";

    public EmailSettings {
        to = List.copyOf(to);
        if (host == null || host.isBlank()) throw new IllegalArgumentException("notify.email.host is empty; set the SMTP server");
        if (from == null || from.isBlank()) throw new IllegalArgumentException("notify.email.from is empty; set the sender address");
        if (to.isEmpty()) throw new IllegalArgumentException("notify.email.to is empty; set one or more addresses, comma-separated");
    }

    /** The password from its variable or file; null when no user logs in. Never printed. */
    String password(Map<String, String> env) {
        if (user == null || user.isBlank()) return null;
        if (passwordFile != null) {
            try {
                return Files.readString(passwordFile).strip();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the SMTP password file " + passwordFile + ": " + e.getMessage()
                        + "; fix notify.email.password_file", e);
            }
        }
        String name = passwordEnv == null || passwordEnv.isBlank() ? DEFAULT_PASSWORD_ENV : passwordEnv;
        String p = env.get(name);
        if (p == null || p.isEmpty()) {
            throw new IllegalStateException("notify.email.user is set but " + name + " is empty; export the SMTP password"
                    + " in " + name + " or name a file with notify.email.password_file");
        }
        return p;
    }

    /** {@code smtp://host:port (STARTTLS) → a@x, b@y}. */
    public String target() {
        return "smtp://" + host + ":" + port + (starttls ? " (STARTTLS)" : "") + " -> " + String.join(", ", to);
    }
}

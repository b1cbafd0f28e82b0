package dev.opsshell.core.history;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code user@machine} for a run's record: the JVM's user name and this machine's host name. */
final class Who {
    private Who() {
    }

    /** Read on the recorder's thread: the host name may take a lookup when {@code /etc/hostname} is missing. */
    static String am() {
        return System.getProperty("user.name", "?") + "@" + machine();
    }

    static String machine() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) return env.strip();
        try {
            String file = Files.readString(Path.of("/etc/hostname")).strip();
            if (!file.isEmpty()) return file;
        } catch (IOException e) {
            // not Linux, or no such file: ask the resolver below
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}

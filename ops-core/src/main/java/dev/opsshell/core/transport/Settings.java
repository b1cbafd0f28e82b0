package dev.opsshell.core.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How operations run: parallelism (forks), timeouts, per-stream output cap, host-key policy and
 * whether output streams live. Immutable; change it with the {@code with…} methods.
 *
 * @param forks            how many hosts are worked on at once
 * @param connectTimeout   how long to wait for a connection and its handshake
 * @param commandTimeout   how long a command may run before it is killed; zero means no limit
 * @param outputCap        bytes kept per stream per host; more is dropped and marked truncated
 * @param acceptNewHostKeys add unknown host keys to known_hosts (never accepts a changed key)
 * @param knownHosts       the known_hosts file checked and, when accepting, written
 * @param stream           print output lines live, prefixed by host, as they arrive
 */
public record Settings(int forks, Duration connectTimeout, Duration commandTimeout, long outputCap,
                       boolean acceptNewHostKeys, Path knownHosts, boolean stream) {

    public static final long DEFAULT_OUTPUT_CAP = 1024 * 1024;

    public Settings {
        if (forks < 1) throw new IllegalArgumentException("forks must be at least 1, was " + forks);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(knownHosts, "knownHosts");
        if (outputCap < 1) throw new IllegalArgumentException("outputCap must be positive, was " + outputCap);
    }

    public static Settings defaults() {
        return new Settings(64, Duration.ofSeconds(10), Duration.ofMinutes(10), DEFAULT_OUTPUT_CAP, false,
                Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"), false);
    }

    public Settings withForks(int n) {
        return new Settings(n, connectTimeout, commandTimeout, outputCap, acceptNewHostKeys, knownHosts, stream);
    }

    public Settings withConnectTimeout(Duration d) {
        return new Settings(forks, d, commandTimeout, outputCap, acceptNewHostKeys, knownHosts, stream);
    }

    public Settings withCommandTimeout(Duration d) {
        return new Settings(forks, connectTimeout, d, outputCap, acceptNewHostKeys, knownHosts, stream);
    }

    public Settings withOutputCap(long bytes) {
        return new Settings(forks, connectTimeout, commandTimeout, bytes, acceptNewHostKeys, knownHosts, stream);
    }

    public Settings withAcceptNewHostKeys(boolean on) {
        return new Settings(forks, connectTimeout, commandTimeout, outputCap, on, knownHosts, stream);
    }

    public Settings withKnownHosts(Path file) {
        return new Settings(forks, connectTimeout, commandTimeout, outputCap, acceptNewHostKeys, file, stream);
    }

    public Settings withStream(boolean on) {
        return new Settings(forks, connectTimeout, commandTimeout, outputCap, acceptNewHostKeys, knownHosts, on);
    }
}

package dev.opsshell.remote.hub;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a hub listens: the address and port it binds (port 0 picks a free one), where its keypair and
 * key store live, the per-agent high-water mark and the largest frame it accepts.
 *
 * @param bindAddress     an address to bind ({@code 0.0.0.0} for every interface, {@code 127.0.0.1} for loopback)
 * @param port            the TCP port; 0 lets the system choose (see {@link Hub#endpoint()})
 * @param keyDir          holds {@code hub.key}/{@code hub.pub} and the {@code accepted|pending|rejected} folders
 * @param highWaterMark   messages queued per peer before sends fail with an explicit "queue full" error
 * @param maxMessageBytes frames larger than this are refused by ZeroMQ (the sender is disconnected)
 * @param missedBeats     heartbeats an agent may miss before it is marked down
 * @param maxPending      unknown keys filed as pending at most; past it new unknown keys are refused
 */
public record HubConfig(String bindAddress, int port, Path keyDir, int highWaterMark, long maxMessageBytes,
                        int missedBeats, int maxPending) {

    public static final int DEFAULT_PORT = 4505;

    public HubConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(keyDir, "keyDir");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
        if (highWaterMark < 1) throw new IllegalArgumentException("highWaterMark must be positive");
        if (maxMessageBytes < 1024) throw new IllegalArgumentException("maxMessageBytes must be at least 1024");
        if (missedBeats < 1) throw new IllegalArgumentException("missedBeats must be at least 1");
        if (maxPending < 1) throw new IllegalArgumentException("maxPending must be at least 1, was " + maxPending);
    }

    /** Every interface on {@code port}, keys under {@code ~/.ops/hub}, HWM 10 000, frames up to 16 MiB, 1000 pending. */
    public static HubConfig defaults(int port) {
        return new HubConfig("0.0.0.0", port, defaultKeyDir(), 10_000, 16L * 1024 * 1024, 3,
                KeyStore.DEFAULT_MAX_PENDING);
    }

    public static Path defaultKeyDir() {
        return Path.of(System.getProperty("user.home"), ".ops", "hub");
    }

    public HubConfig withBindAddress(String address) {
        return new HubConfig(address, port, keyDir, highWaterMark, maxMessageBytes, missedBeats, maxPending);
    }

    public HubConfig withPort(int newPort) {
        return new HubConfig(bindAddress, newPort, keyDir, highWaterMark, maxMessageBytes, missedBeats, maxPending);
    }

    public HubConfig withKeyDir(Path dir) {
        return new HubConfig(bindAddress, port, dir, highWaterMark, maxMessageBytes, missedBeats, maxPending);
    }

    public HubConfig withHighWaterMark(int hwm) {
        return new HubConfig(bindAddress, port, keyDir, hwm, maxMessageBytes, missedBeats, maxPending);
    }

    public HubConfig withMaxMessageBytes(long bytes) {
        return new HubConfig(bindAddress, port, keyDir, highWaterMark, bytes, missedBeats, maxPending);
    }

    public HubConfig withMaxPending(int max) {
        return new HubConfig(bindAddress, port, keyDir, highWaterMark, maxMessageBytes, missedBeats, max);
    }
}

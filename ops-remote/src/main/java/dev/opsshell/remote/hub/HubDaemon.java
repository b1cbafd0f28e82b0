package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.CurveKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The standalone hub ({@code ops hub}) and how shells find it: a {@link Hub} that trusts the shell
 * key of the user who started it, so {@code ops exec --via agent} on the same account just works;
 * other users' shells wait as pending ({@code ops keys accept @user@host}).
 */
public final class HubDaemon {
    private HubDaemon() {
    }

    /**
     * Starts a hub and accepts this user's shell key (from {@code clientKeyDir}, created if absent).
     * It notes its process and port in the key directory ({@value #RUNNING}), so a shell finding
     * the port taken knows it may connect as a client rather than take another port.
     */
    public static Hub start(HubConfig config, Path clientKeyDir) {
        Hub hub = Hub.start(config);
        CurveKeys client = CurveKeys.loadOrCreate(clientKeyDir, "client");
        if (hub.keys().byKey(client.publicKey()).map(e -> e.state() != KeyStore.State.ACCEPTED).orElse(true)) {
            hub.keys().allow(HubClient.clientName(), client.publicKey());
        }
        Path note = config.keyDir().resolve(RUNNING);
        try {
            Path tmp = Files.createTempFile(config.keyDir(), RUNNING, ".tmp");
            Files.writeString(tmp, ProcessHandle.current().pid() + " " + hub.port() + " " + started(ProcessHandle.current())
                    + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, note, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            hub.close();
            throw new HubException("cannot write " + note + ": " + e.getMessage() + "; check the key directory", e);
        }
        return hub;
    }

    /** The note a running standalone hub keeps in its key directory: its pid, port and start time. */
    static final String RUNNING = "hub.running";

    /** True when the standalone hub that uses {@code keyDir} is running and listens on {@code port}. */
    static boolean runsOn(Path keyDir, int port) {
        try {
            String[] note = Files.readString(keyDir.resolve(RUNNING), StandardCharsets.US_ASCII).strip().split(" ");
            if (note.length != 3 || Integer.parseInt(note[1]) != port) return false;
            // the start time tells the hub from a later process that got its pid
            return ProcessHandle.of(Long.parseLong(note[0])).filter(ProcessHandle::isAlive)
                    .map(p -> started(p).equals(note[2])).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false; // no note (no standalone hub started here) or not one we wrote
        }
    }

    private static String started(ProcessHandle p) {
        return p.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("-");
    }

    /** The hub public key kept in {@code keyDir} (the one a hub started there uses), creating the pair if absent. */
    public static String publicKey(Path keyDir) {
        return CurveKeys.loadOrCreate(keyDir, "hub").publicKey();
    }

    /** Reads a key given as text, or as {@code @FILE} holding it. */
    public static String keyArgument(String value) {
        if (value == null || !value.startsWith("@")) return value;
        try {
            return Files.readString(Path.of(value.substring(1)), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new HubException("cannot read the key file " + value.substring(1) + ": " + e.getMessage());
        }
    }

    /**
     * Connects this shell to a standalone hub: {@code endpoint} (default {@code $OPS_HUB}, else this
     * machine's hub on {@code $OPS_HUB_PORT} or 4505) pinned to {@code hubKey} (default: the key in
     * {@code ~/.ops/hub}, right when the hub runs on this machine).
     */
    public static HubClient connect(String endpoint, String hubKey) {
        String where = endpoint != null ? endpoint : SessionHub.setting("ops.hub", "OPS_HUB", null);
        if (where == null) {
            where = "tcp://127.0.0.1:" + SessionHub.setting("ops.hub.port", "OPS_HUB_PORT",
                    Integer.toString(HubConfig.DEFAULT_PORT));
        }
        String key = keyArgument(hubKey != null ? hubKey : SessionHub.setting("ops.hub.key", "OPS_HUB_KEY", null));
        if (key == null) {
            String dir = SessionHub.setting("ops.hub.dir", "OPS_HUB_DIR", null);
            Path keyDir = dir == null ? HubConfig.defaultKeyDir() : Path.of(dir);
            if (!Files.exists(keyDir.resolve("hub.pub"))) {
                throw new HubException("no hub key given and none in " + keyDir + "; pass --hub-key KEY (print it on the"
                        + " hub's machine with `ops keys hub`)");
            }
            key = publicKey(keyDir);
        }
        return HubClient.connect(where, key, HubClient.defaultKeyDir());
    }
}

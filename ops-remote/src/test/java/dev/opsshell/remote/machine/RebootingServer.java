package dev.opsshell.remote.machine;

import dev.opsshell.core.host.Host;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A MINA SSHD "host" that can be rebooted: it answers the boot id probe with its boot id, and a
 * command naming {@code ops-test-reboot} makes it go away (the server stops, connections drop)
 * until the test brings it back on the same port with the same host key and a new boot id.
 */
final class RebootingServer implements AutoCloseable {
    static final String REBOOT = "ops-test-reboot";
    private final Path hostKey;
    private volatile SshServer server;
    private volatile String bootId = UUID.randomUUID().toString();
    private volatile boolean down;
    private final boolean dropsAtOnce;
    private int port;

    /**
     * @param dropsAtOnce the reboot command drops the connection before it answers (a host that
     *                    goes down faster than its exit status travels), else it answers, then goes
     */
    RebootingServer(Path dir, boolean dropsAtOnce) {
        this.hostKey = dir.resolve("mina-host-key");
        this.dropsAtOnce = dropsAtOnce;
        start(0);
    }

    private void start(int onPort) {
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(onPort);
        s.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        s.setPublickeyAuthenticator((user, key, session) -> true);
        s.setCommandFactory((channel, line) -> new Answer(line));
        try {
            s.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start MINA SSHD on 127.0.0.1:" + onPort, e);
        }
        server = s;
        port = s.getPort();
        down = false;
    }

    String bootId() {
        return bootId;
    }

    boolean isDown() {
        return down;
    }

    /** Comes back up on the same port with a new boot id, as a rebooted host does. */
    void comeBack() {
        bootId = UUID.randomUUID().toString();
        start(port);
    }

    Host host(String name, Path key) {
        return new Host(name, "127.0.0.1", port, "root", Map.of("ansible_ssh_private_key_file", key.toString()), List.of());
    }

    private void goAway() {
        Thread t = new Thread(() -> {
            try {
                server.stop(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop MINA SSHD", e);
            }
            down = true;
        }, "mina-reboot");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private final class Answer implements Command {
        private final String line;
        private OutputStream out;
        private ExitCallback exit;

        Answer(String line) {
            this.line = line;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            if (line.contains("boot_id")) {
                out.write((bootId + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            if (line.contains(REBOOT) && dropsAtOnce) {
                goAway();
                return;
            }
            exit.onExit(0);
            if (line.contains(REBOOT)) goAway();
        }

        @Override
        public void destroy(ChannelSession channel) {
            // nothing held
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void setInputStream(InputStream in) {
            // input is ignored
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            // nothing is written to stderr
        }
    }
}

package dev.opsshell.remote.ssh;

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

/**
 * An in-process Apache MINA SSHD server on a free loopback port that misbehaves on purpose, for
 * faults real OpenSSH will not produce on demand: it drops the connection mid-command, stalls
 * after login, stalls while checking a key (until closed), or refuses every login.
 */
final class FaultyServer implements AutoCloseable {

    enum Fault { DROP_MID_COMMAND, STALL, STALL_AUTH, REJECT_AUTH }

    private final SshServer server;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    FaultyServer(Fault fault) {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        server.setPublickeyAuthenticator((user, key, session) -> {
            if (fault == Fault.STALL_AUTH) awaitClose();
            return fault != Fault.REJECT_AUTH;
        });
        server.setCommandFactory((channel, line) -> new Misbehaving(fault));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start MINA SSHD on loopback", e);
        }
    }

    int port() {
        return server.getPort();
    }

    /** A host for this server, logging in with the lab key (MINA accepts any key unless told not to). */
    Host host(String name, Path key) {
        return new Host(name, "127.0.0.1", port(), "tester", Map.of("ansible_ssh_private_key_file", key.toString()),
                List.of());
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.stop(true);
    }

    private static final class Misbehaving implements Command {
        private final Fault fault;
        private OutputStream out;

        Misbehaving(Fault fault) {
            this.fault = fault;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            if (fault != Fault.DROP_MID_COMMAND) return; // STALL: never write, never exit
            Thread t = new Thread(() -> {
                try {
                    out.write("started\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(300);
                    channel.getSession().close(true); // the connection drops under the running command
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("fault injection failed", e);
                }
            }, "mina-drop");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            // nothing to release: the command holds no resources
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            // never called back: these commands do not exit normally
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

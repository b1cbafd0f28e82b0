package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reaching hosts: refused and silent ports, jump hosts, and SFTP file transfer. */
@ExtendWith(SshLab.class)
class SshReachIT {
    @TempDir
    Path tmp;

    private final SshLab.Lab lab = SshLab.lab();
    private Session session;
    private SshTransport ssh;

    @BeforeEach
    void open() {
        session = lab.session();
        ssh = lab.transport(session);
    }

    @AfterEach
    void close() {
        ssh.close();
    }

    private Result run(Host host, String line) {
        return ssh.exec(host, Command.of(line, session.settings()), OutputSink.NONE);
    }

    @Test
    void aClosedPortIsUnreachableWithTheAddressAndWhatToCheck() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        Result r = run(new Host("closed", "127.0.0.1", port, "root", Map.of(), List.of()), "true");
        assertEquals(Outcome.UNREACHABLE, r.outcome(), r::toString);
        assertTrue(r.message().contains("127.0.0.1:" + port + " refused"), r.message());
        assertTrue(r.message().contains("is sshd running"), r.message());
    }

    @Test
    void aPortThatNeverSpeaksSshIsUnreachableWithinTheConnectTimeout() throws IOException {
        session.update(s -> s.withConnectTimeout(Duration.ofMillis(800)));
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Host host = new Host("silent", "127.0.0.1", silent.getLocalPort(), "root",
                    lab.host("127.0.0.1").vars(), List.of());
            Result r = run(host, "true");
            assertEquals(Outcome.UNREACHABLE, r.outcome(), r::toString);
            assertTrue(r.message().contains("no SSH handshake with 127.0.0.1:" + silent.getLocalPort() + " within 800 ms"),
                    r.message());
        }
    }

    @Test
    void aHostIsReachedThroughAJumpHostNamedInTheInventory() {
        Host target = lab.host("inner", "127.0.1.2", "root", Map.of("ops_jump", "root@127.0.1.1:" + lab.port()));
        Result r = run(target, "echo $SSH_CONNECTION");
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("127.0.1.2", r.stdout().strip().split(" ")[2]);
        assertEquals(2, ssh.connectionsOpened(), "one to the jump host, one tunnelled through it");
        Host second = lab.host("inner2", "127.0.1.3", "root",
                Map.of("ansible_ssh_common_args", "-o StrictHostKeyChecking=yes -J root@127.0.1.1:" + lab.port()));
        assertEquals(Outcome.OK, run(second, "true").outcome());
        assertEquals(3, ssh.connectionsOpened(), "the jump host connection is pooled and reused");
    }

    @Test
    void sshConfigSuppliesHostNamePortUserKeyAndProxyJump() {
        SshConfig config = SshConfig.parse("""
                Host inner-*
                    User root
                    Port %d
                    IdentityFile %s
                Host inner-a
                    HostName 127.0.1.4
                    ProxyJump bastion
                Host bastion
                    HostName 127.0.1.1
                    Port %d
                    User root
                """.formatted(lab.port(), lab.key(), lab.port()));
        try (SshTransport viaConfig = new SshTransport(session, config, List.of())) {
            Result r = viaConfig.exec(Host.of("inner-a"), Command.of("echo $SSH_CONNECTION", session.settings()),
                    OutputSink.NONE);
            assertEquals(Outcome.OK, r.outcome(), r::toString);
            assertEquals("127.0.1.4", r.stdout().strip().split(" ")[2]);
            assertEquals(2, viaConfig.connectionsOpened());
        }
    }

    @Test
    void aFileMakesTheRoundTripUpAndDownUnchanged() throws IOException {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        Path local = tmp.resolve("payload.bin");
        Files.write(local, content);
        Host host = lab.host("127.0.1.5");
        String remote = "/tmp/ops-it-" + System.nanoTime() + ".bin";
        Result up = ssh.upload(host, local, remote);
        assertEquals(Outcome.OK, up.outcome(), up::toString);
        assertTrue(up.stdout().contains("300000 bytes") && up.stdout().contains(remote), up.stdout());
        Path back = tmp.resolve("back/payload.bin");
        Result down = ssh.download(host, remote, back);
        assertEquals(Outcome.OK, down.outcome(), down::toString);
        assertArrayEquals(content, Files.readAllBytes(back));
        run(host, "rm -f " + remote);
    }

    @Test
    void transferErrorsAreResultsNamingThePath() throws IOException {
        Path local = tmp.resolve("small.txt");
        Files.writeString(local, "hello\n");
        Host host = lab.host("127.0.1.5");
        Result up = ssh.upload(host, local, "/no/such/dir/small.txt");
        assertEquals(Outcome.ERROR, up.outcome(), up::toString);
        assertTrue(up.message().contains("/no/such/dir/small.txt") && up.message().contains("no such file"), up.message());
        Result down = ssh.download(host, "/no/such/file", tmp.resolve("x"));
        assertEquals(Outcome.ERROR, down.outcome(), down::toString);
        Host opsuser = lab.host("127.0.1.6", "127.0.1.6", "opsuser", Map.of());
        Result denied = ssh.upload(opsuser, local, "/root/denied.txt");
        assertEquals(Outcome.ERROR, denied.outcome(), denied::toString);
        assertTrue(denied.message().contains("permission denied"), denied.message());
    }
}

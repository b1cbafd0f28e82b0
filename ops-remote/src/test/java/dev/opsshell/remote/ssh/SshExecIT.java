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

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Runs commands over SSH against the real OpenSSH lab on loopback. */
@ExtendWith(SshLab.class)
class SshExecIT {
    private SshLab.Lab lab;
    private Session session;
    private SshTransport ssh;

    @BeforeEach
    void open() {
        lab = SshLab.lab();
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
    void eachLoopbackAddressIsADistinctHostAndSeesTheAddressItWasDialledOn() {
        for (String address : List.of("127.0.1.1", "127.0.1.2", "127.0.1.3")) {
            Result r = run(lab.host(address), "echo $SSH_CONNECTION");
            assertEquals(Outcome.OK, r.outcome(), r::toString);
            assertEquals(address, r.stdout().strip().split(" ")[2], r.stdout());
            assertEquals("ssh", r.transport());
        }
    }

    @Test
    void moreThanAMegabyteOfOutputArrivesComplete() {
        Result r = ssh.exec(lab.host("127.0.1.5"), new Command("head -c 1500000 /dev/zero | tr '\\0' x", false,
                Duration.ofSeconds(30), 2_000_000, java.util.Map.of()), OutputSink.NONE);
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals(1_500_000, r.stdout().length());
        assertFalse(r.truncated());
    }

    @Test
    void aSecondRunOnTheSameHostsReusesThePooledConnections() {
        List<Host> hosts = lab.hosts(3);
        List<String> first = hosts.stream().map(h -> run(h, "echo $SSH_CONNECTION").stdout()).toList();
        int opened = ssh.connectionsOpened();
        List<String> second = hosts.stream().map(h -> run(h, "echo $SSH_CONNECTION").stdout()).toList();
        assertEquals(3, opened);
        assertEquals(opened, ssh.connectionsOpened(), "no new connection for the second run");
        assertEquals(first, second, "same client ports: the same TCP connections");
    }
}

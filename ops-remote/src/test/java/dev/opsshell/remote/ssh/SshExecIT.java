package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.testing.Await;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void stdoutAndStderrArriveSeparatelyWithTheExitCode() {
        Result r = run(lab.host("127.0.1.4"), "echo to-out; echo to-err >&2; exit 3");
        assertEquals(Outcome.FAILED, r.outcome());
        assertEquals(3, r.exitCode());
        assertEquals("to-out\n", r.stdout());
        assertEquals("to-err\n", r.stderr());
        assertEquals(0, run(lab.host("127.0.1.4"), "true").exitCode());
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
    void outputPastTheCapIsCutAndMarkedTruncated() {
        Result r = ssh.exec(lab.host("127.0.1.5"), new Command("head -c 300000 /dev/zero | tr '\\0' y; echo done",
                false, Duration.ofSeconds(30), 1000, java.util.Map.of()), OutputSink.NONE);
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals(1000, r.stdout().length());
        assertTrue(r.truncated());
    }

    @Test
    void outputLinesStreamLiveToTheSinkPrefixedByHost() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Host host = lab.host("127.0.1.6");
        ssh.exec(host, Command.of("echo one; echo two >&2; echo three", session.settings()),
                (h, stderr, line) -> lines.add(h.name() + (stderr ? " err " : " out ") + line));
        assertTrue(lines.containsAll(List.of("127.0.1.6 out one", "127.0.1.6 err two", "127.0.1.6 out three")), lines::toString);
    }

    @Test
    void aHungCommandIsKilledAtItsTimeoutAndReportedTimedOut() {
        Host host = lab.host("127.0.1.7");
        String marker = "97." + ProcessHandle.current().pid(); // 97 s, and no other test run's sleep matches
        Result r = ssh.exec(host, Command.of("echo started; sleep " + marker, session.settings())
                .withTimeout(Duration.ofSeconds(1)), OutputSink.NONE);
        assertEquals(Outcome.TIMED_OUT, r.outcome(), r::toString);
        assertEquals("started\n", r.stdout());
        assertTrue(r.message().contains("killed after 1 s"), r.message());
        Await.until(Duration.ofSeconds(20), "the remote sleep to be gone",
                () -> run(host, "pgrep -f 'slee[p] " + marker + "' || echo none").stdout().strip().equals("none"));
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

    @Test
    void commandEnvironmentIsExported() {
        Result r = ssh.exec(lab.host("127.0.1.8"), new Command("echo \"$GREETING\"", false, Duration.ZERO, 1000,
                java.util.Map.of("GREETING", "it's here")), OutputSink.NONE);
        assertEquals("it's here\n", r.stdout());
    }
}

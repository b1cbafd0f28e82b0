package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults injected with an in-process MINA SSHD server: drops, stalls, refused logins. */
@ExtendWith(SshLab.class)
class SshFaultIT {
    @TempDir
    Path tmp;

    private final SshLab.Lab lab = SshLab.lab();
    private Session session;

    @BeforeEach
    void open() {
        session = lab.session();
        // MINA generates a fresh host key each run: accept it into a throwaway known_hosts
        session.update(s -> s.withKnownHosts(tmp.resolve("known_hosts")).withAcceptNewHostKeys(true)
                .withCommandTimeout(Duration.ofSeconds(20)));
        Session.setCurrent(session);
    }

    @AfterEach
    void close() {
        session.close();
        Session.setCurrent(null);
    }

    @Test
    void aConnectionDroppedMidCommandFailsThatHostOnlyAndDoesNotHang() throws Exception {
        try (FaultyServer mina = new FaultyServer(FaultyServer.Fault.DROP_MID_COMMAND)) {
            java.nio.file.Files.writeString(tmp.resolve("known_hosts"),
                    java.nio.file.Files.readString(lab.knownHosts()));
            Host dropped = mina.host("dropped", lab.key());
            Hosts hosts = Hosts.of("mixed", List.of(lab.host("127.0.1.1"), dropped, lab.host("127.0.1.2"))).via("ssh");
            Results results = hosts.exec("sleep 1; echo fine"); // a hang would end at the 60 s command timeout: TIMED_OUT
            Result r = results.get("dropped");
            assertEquals(Outcome.UNREACHABLE, r.outcome(), r::toString);
            assertTrue(r.message().contains("lost while the command ran"), r.message());
            assertEquals("fine\n", results.get("127.0.1.1").stdout());
            assertEquals("fine\n", results.get("127.0.1.2").stdout());
        }
    }

    @Test
    void aServerThatStallsAfterLoginTimesOutAtTheCommandTimeout() throws Exception {
        session.update(s -> s.withCommandTimeout(Duration.ofSeconds(1)));
        try (FaultyServer mina = new FaultyServer(FaultyServer.Fault.STALL);
             SshTransport ssh = lab.transport(session)) {
            Result r = ssh.exec(mina.host("stalled", lab.key()), Command.of("anything", session.settings()),
                    OutputSink.NONE);
            assertEquals(Outcome.TIMED_OUT, r.outcome(), r::toString);
            assertTrue(r.message().contains("killed after 1 s"), r.message());
        }
    }

    @Test
    void aServerThatNeverFinishesCheckingTheKeysSaysTheLoginWasSlowNotThatThereWasNoHandshake() throws Exception {
        session.update(s -> s.withConnectTimeout(Duration.ofSeconds(2)));
        try (FaultyServer mina = new FaultyServer(FaultyServer.Fault.STALL_AUTH);
             SshTransport ssh = lab.transport(session)) {
            Result r = ssh.exec(mina.host("slow", lab.key()), Command.of("true", session.settings()), OutputSink.NONE);
            assertEquals(Outcome.UNREACHABLE, r.outcome(), r::toString);
            assertTrue(r.message().contains("as 'tester' did not finish within 2 s") && r.message().contains(lab.key().toString()),
                    r.message());
        }
    }

    @Test
    void aServerRejectingEveryKeyIsAuthFailed() throws Exception {
        try (FaultyServer mina = new FaultyServer(FaultyServer.Fault.REJECT_AUTH);
             SshTransport ssh = lab.transport(session)) {
            Result r = ssh.exec(mina.host("strict", lab.key()), Command.of("true", session.settings()), OutputSink.NONE);
            assertEquals(Outcome.AUTH_FAILED, r.outcome(), r::toString);
            assertTrue(r.message().contains("'tester'") && r.message().contains(lab.key().toString()), r.message());
        }
    }
}

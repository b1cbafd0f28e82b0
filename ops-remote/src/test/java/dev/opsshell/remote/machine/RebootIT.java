package dev.opsshell.remote.machine;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.testing.Await;
import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reboot and wait, against a MINA SSHD host that really goes away and comes back (no machine reboots). */
@ExtendWith(SshLab.class)
class RebootIT {
    private final SshLab.Lab lab = SshLab.lab();
    private Session session;
    @TempDir
    Path tmp;

    @BeforeEach
    void open() {
        session = lab.session();
        session.update(s -> s.withKnownHosts(tmp.resolve("known_hosts")).withAcceptNewHostKeys(true)
                .withConnectTimeout(Duration.ofSeconds(2)));
        Session.setCurrent(session);
    }

    @AfterEach
    void close() {
        session.close();
        Session.setCurrent(null);
    }

    @Test
    void theWaitEndsWhenTheHostAnswersWithANewBootIdNotWhileItIsStillTheOldOne() throws Exception {
        try (RebootingServer host = new RebootingServer(tmp, false)) {
            Hosts hosts = Hosts.of("one", List.of(host.host("rebooting", lab.key()))).via("ssh");
            String before = host.bootId();
            CompletableFuture<Result> done = CompletableFuture.supplyAsync(() ->
                    hosts.run(Reboot.of(Duration.ofMinutes(2)).by(RebootingServer.REBOOT).pollEvery(Duration.ofMillis(100))).get("rebooting"));
            Await.until(Duration.ofSeconds(30), "the host to go away", host::isDown);
            assertTrue(!done.isDone(), "still waiting while the host is away");
            host.comeBack();
            Result r = done.get(60, TimeUnit.SECONDS);
            assertTrue(r.ok(), r::toString);
            assertTrue(r.stdout().contains("with boot id " + host.bootId()), r::toString);
            assertTrue(!host.bootId().equals(before));
            assertTrue(r.stdout().matches("(?s).*\\((\\d+) probes while it was away\\).*"), r::toString);
        }
    }

    @Test
    void aHostThatDropsTheConnectionAsTheRebootStartsAndDoesNotComeBackIsTimedOutWithHowLongItWasWaitedFor() throws Exception {
        try (RebootingServer host = new RebootingServer(tmp, true)) {
            Hosts hosts = Hosts.of("one", List.of(host.host("gone", lab.key()))).via("ssh");
            Result r = hosts.run(Reboot.of(Duration.ofSeconds(3)).by(RebootingServer.REBOOT).pollEvery(Duration.ofMillis(200))).get("gone");
            assertEquals(Outcome.TIMED_OUT, r.outcome(), r::toString);
            assertTrue(r.message().startsWith("not back with a new boot id within 3 s after the reboot"), r::toString);
            assertTrue(host.isDown());
        }
    }
}

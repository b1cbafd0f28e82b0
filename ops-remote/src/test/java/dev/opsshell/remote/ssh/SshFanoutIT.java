package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import dev.opsshell.remote.Ops;
import dev.opsshell.core.testing.Await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fan-out through the session's "ssh" transport (found by ServiceLoader), as the shell does it. */
@ExtendWith(SshLab.class)
class SshFanoutIT {
    private final SshLab.Lab lab = SshLab.lab();
    private Session session;

    @BeforeEach
    void open() {
        session = lab.session();
        Session.setCurrent(session);
    }

    @AfterEach
    void close() {
        session.close();
        Session.setCurrent(null);
    }

    @Test
    void fiftyHostsAllAnswerInOneFanOut() {
        Hosts hosts = Hosts.of("lab", lab.hosts(50)).via("ssh");
        Results results = hosts.exec("echo $SSH_CONNECTION");
        assertEquals(50, results.size());
        assertTrue(results.allOk(), results::toString);
        for (Result r : results) assertEquals(r.host().address(), r.stdout().strip().split(" ")[2]);
        Results again = hosts.exec("echo $SSH_CONNECTION");
        assertEquals(results.list().stream().map(Result::stdout).toList(),
                again.list().stream().map(Result::stdout).toList(), "the second run reuses every connection");
    }

    @Test
    void uploadAndDownloadOperationsKeepOneFilePerHost(@TempDir Path tmp) throws Exception {
        Hosts hosts = Hosts.of("two", lab.hosts(2)).via("ssh");
        Path local = tmp.resolve("greeting.txt");
        Files.writeString(local, "hello\n");
        String remote = "/tmp/ops-fanout-" + System.nanoTime() + ".txt";
        Results up = hosts.run(Ops.upload(local.toString(), remote));
        assertTrue(up.allOk(), up::toString);
        Results down = hosts.run(Ops.download(remote, tmp.resolve("got").toString()));
        assertTrue(down.allOk(), down::toString);
        String name = Path.of(remote).getFileName().toString();
        // the lab's hosts share one filesystem, so the content is the same; the paths are per host
        assertEquals("hello\n", Files.readString(tmp.resolve("got/127.0.1.1/" + name)));
        assertEquals("hello\n", Files.readString(tmp.resolve("got/127.0.1.2/" + name)));
        assertTrue(down.get("127.0.1.2").stdout().contains("got/127.0.1.2/" + name), down.get("127.0.1.2").stdout());
        hosts.exec("rm -f " + remote);
    }

    @Test
    void interruptingAFanOutCancelsItPromptlyKillsTheCommandsAndLeavesTheThreadUsable() throws Exception {
        Hosts hosts = Hosts.of("five", lab.hosts(5)).via("ssh");
        assertTrue(hosts.exec("true").allOk());
        String sleep = "sleep 30." + ProcessHandle.current().pid(); // 30 s, and no other test run's sleep matches
        Host probe = lab.host("127.0.1.1");
        AtomicReference<Results> cancelled = new AtomicReference<>();
        AtomicReference<Results> after = new AtomicReference<>();
        Thread shell = new Thread(() -> {
            cancelled.set(hosts.exec(sleep));
            after.set(hosts.exec("echo still-usable"));
        });
        shell.start();
        Await.until(Duration.ofSeconds(30), "the five remote sleeps to run", () -> running(probe, sleep) == 5);
        shell.interrupt();
        shell.join(20_000); // well before the sleeps would end by themselves
        assertFalse(shell.isAlive(), "the shell thread came back");
        for (Result r : cancelled.get()) assertEquals(Outcome.CANCELLED, r.outcome(), r::toString);
        assertTrue(after.get().allOk(), after.get()::toString);
        // the cancelled workers kill their commands just after the fan-out returns
        Await.until(Duration.ofSeconds(20), "the remote sleeps to be killed", () -> running(probe, sleep) == 0);
    }

    private static int running(Host probe, String command) {
        String pattern = "^" + command.replace("sleep", "slee[p]") + "$";
        Result r = Hosts.of("probe", List.of(probe)).via("ssh").exec("pgrep -c -f '" + pattern + "' || true").list().get(0);
        return Integer.parseInt(r.stdout().strip());
    }
}

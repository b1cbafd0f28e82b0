package dev.opsshell.remote.metrics;

import dev.opsshell.core.Session;
import dev.opsshell.core.events.SamplesTaken;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.metrics.Family;
import dev.opsshell.core.metrics.SampleFilter;
import dev.opsshell.core.metrics.SampleRound;
import dev.opsshell.core.metrics.Sampler;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sampling over the loopback OpenSSH lab and the local transport: one script per host per round,
 * values checked against this machine's /proc, stored in one transaction and published; rates
 * right across rounds; an unreachable host is its own result.
 */
@ExtendWith(SshLab.class)
class MetricsSshIT {
    private final SshLab.Lab lab = SshLab.lab();
    private Session session;
    private Store store;
    private Sampler sampler;
    private final List<SamplesTaken> published = new CopyOnWriteArrayList<>();
    @TempDir
    Path tmp;

    @BeforeEach
    void open() {
        session = lab.session();
        Session.setCurrent(session);
        store = JdbcStore.open(StoreLocation.sqlite(tmp.resolve("ops.db")));
        sampler = new Sampler(store.metrics(), session.events(), Duration.ofDays(14));
        session.events().subscribe(SamplesTaken.class, published::add);
    }

    @AfterEach
    void close() {
        store.close();
        session.close();
        Session.setCurrent(null);
    }

    @Test
    void everyFamilyOverSshAndLocalIsWhatProcSaysStoredAndPublished() throws Exception {
        Hosts three = Hosts.of("lab", lab.hosts(3)).via("ssh");
        SampleRound round = sampler.sampleOnce(three, Family.all());
        for (Host h : three) ProcTruth.assertSane(round, h.name());
        assertEquals("ssh", round.results().get("127.0.1.1").transport());
        assertEquals(List.of(round.samples().list()), published.stream().map(SamplesTaken::samples).toList());
        assertEquals(round.samples().size(), store.metrics().query(SampleFilter.any()).size(), "the round is stored");

        Hosts local = Hosts.of("localhost", List.of(Host.of("localhost")));
        SampleRound here = sampler.sampleOnce(local, Family.all());
        assertEquals("local", here.results().get("localhost").transport());
        ProcTruth.assertSane(here, "localhost");
    }

    @Test
    void ratesAcrossRoundsCountWhatHappenedBetweenThem() throws Exception {
        Hosts one = Hosts.of("lab", lab.hosts(1)).via("ssh");
        String host = one.list().get(0).name();
        long before = System.nanoTime();
        SampleRound first = sampler.sampleOnce(one, Set.of(Family.DISKIO, Family.CPU));
        assertTrue(first.results().get(host).stderr().isEmpty(), "a first round pairs two readings itself: " + first.results());
        int written = 16 << 20;
        // under target/, on the build's disk: the temporary directory may be a tmpfs, which no block device counts
        ProcTruth.writeToDisk(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target").toAbsolutePath()), written);
        SampleRound second = sampler.sampleOnce(one, Set.of(Family.DISKIO, Family.CPU));
        // the rates' interval runs from the first round's last reading to the second's: within this
        double upper = (System.nanoTime() - before) / 1e9;
        assertTrue(second.results().get(host).stderr().isEmpty(), second.results()::toString);
        assertTrue(ProcTruth.writtenAtMost(second.samples(), host, upper) >= written,
                "the 16 MiB forced to disk between the rounds show in the second round's write rates: " + second.samples());
        assertEquals(2, store.metrics().query(SampleFilter.metric("cpu").host(host).field("idle")).size());
    }

    @Test
    void aHostSlowerThanTheSamplingTimeoutIsTimedOutNotWaitedFor() {
        // a first round sleeps a second between its readings: longer than this timeout
        Sampler impatient = new Sampler(store.metrics(), session.events(), Duration.ofDays(14))
                .source("local", new dev.opsshell.core.metrics.ScriptReadings(Duration.ofMillis(300)));
        SampleRound round = impatient.sampleOnce(Hosts.of("localhost", List.of(Host.of("localhost"))), Set.of(Family.CPU));
        assertEquals(Outcome.TIMED_OUT, round.results().get("localhost").outcome(), round.results()::toString);
        assertTrue(round.samples().isEmpty());
    }

    @Test
    void anUnreachableHostIsItsOwnResultAndTheOthersAreStored() {
        Host down = new Host("down", "127.0.1.4", 1, "root", Map.of("ansible_ssh_private_key_file", lab.key().toString()), List.of());
        Hosts mixed = Hosts.of("mixed", List.of(lab.hosts(1).get(0), down)).via("ssh");
        SampleRound round = sampler.sampleOnce(mixed, Set.of(Family.LOAD));
        assertEquals(Outcome.UNREACHABLE, round.results().get("down").outcome(), round.results()::toString);
        assertTrue(round.samples().host("down").isEmpty());
        assertFalse(round.samples().isEmpty());
        assertTrue(round.pretty().contains("✗ down: "), round.pretty());
        assertEquals(round.samples().size(), store.metrics().query(SampleFilter.metric("load")).size());
    }
}

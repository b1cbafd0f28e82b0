package dev.opsshell.core.metrics;

import dev.opsshell.core.Session;
import dev.opsshell.core.events.SamplesTaken;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.transport.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sampler's round: first readings paired within the round, later ones with the last round's; stored, then published; old samples purged. */
class SamplerTest {
    @TempDir
    Path dir;
    Session session;
    Store store;
    final List<Boolean> askedTwice = new CopyOnWriteArrayList<>();
    final AtomicLong rx = new AtomicLong();
    final AtomicLong uptime = new AtomicLong(1000);

    /** A host whose counters grow by 1000 bytes a second, read at 10 s steps of its uptime. */
    final ReadingSource fake = (hosts, host, families, twice) -> {
        askedTwice.add(twice);
        List<Reading> readings = twice ? List.of(reading(), reading()) : List.of(reading());
        return new ReadingSource.Fetched(Result.exited(host, 0, "", "", false, Instant.now(), "fake"), readings);
    };

    Reading reading() {
        long up = uptime.addAndGet(10);
        return new Reading((double) up, 2, new Reading.CpuTimes(up, 0, 0, up, 0, 0, 0, 0), new double[]{1, 1, 1}, null, null,
                null, Map.of("eth0", new Reading.NetCounters(rx.addAndGet(10_000), 0, 0, 0)), null, List.of());
    }

    @BeforeEach
    void open() {
        session = new Session(Settings.defaults(), Inventory.localOnly(), System.out);
        store = JdbcStore.open(StoreLocation.sqlite(dir.resolve("ops.db")));
    }

    @AfterEach
    void close() {
        store.close();
        session.close();
    }

    Hosts hosts() {
        return Hosts.of("h", List.of(Host.of("h1"), Host.of("h2"))).via("fake");
    }

    @Test
    void aHostsFirstRoundReadsTwiceAndLaterRoundsPairWithTheLastReading() {
        Sampler sampler = new Sampler(store.metrics(), session.events(), Duration.ofDays(14)).source("fake", fake);
        SampleRound first = sampler.sampleOnce(hosts(), Set.of(Family.NET));
        assertEquals(List.of(true, true), askedTwice);
        assertEquals(1000.0, first.samples().host("h1").value("h1", "rx_bytes_per_s"), 1e-9);
        // a round is a pipeline step like any other: the hosts read go on (sample(web, cpu()).successful().exec(…))
        assertEquals(List.of("h1", "h2"), first.successful().list().stream().map(r -> r.host().name()).toList());
        assertEquals(0, first.failed().size());
        askedTwice.clear();
        SampleRound second = sampler.sampleOnce(hosts(), Set.of(Family.NET));
        assertEquals(List.of(false, false), askedTwice);
        assertEquals(1000.0, second.samples().value("h2", "rx_bytes_per_s"), 1e-9);
        askedTwice.clear();
        sampler.sampleOnce(hosts(), Set.of(Family.LOAD, Family.MEMORY));
        assertEquals(List.of(false, false), askedTwice, "gauges need one reading");
        sampler.forget();
        askedTwice.clear();
        sampler.sampleOnce(hosts(), Set.of(Family.LOAD));
        assertEquals(List.of(false, false), askedTwice, "gauges alone need no pair even the first time");
    }

    @Test
    void subscribersSeeTheRoundAlreadyStoredAndAFailingOneLosesNothing() throws Exception {
        List<Integer> storedWhenTold = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        session.events().problems(problems::add);
        try (AutoCloseable a = session.events().subscribe(SamplesTaken.class, e -> { throw new IllegalStateException("boom"); });
             AutoCloseable b = session.events().subscribe(SamplesTaken.class,
                     e -> storedWhenTold.add(store.metrics().query(SampleFilter.any()).size()))) {
            SampleRound round = new Sampler(store.metrics(), session.events(), Duration.ofDays(14)).source("fake", fake)
                    .sampleOnce(hosts(), Set.of(Family.CPU, Family.LOAD));
            assertEquals(List.of(round.samples().size()), storedWhenTold);
            assertTrue(round.samples().size() > 0);
            assertEquals(List.of("SamplesTaken subscriber failed: boom"), problems);
        }
    }

    @Test
    void samplesOlderThanTheRetentionArePurgedAfterARound() {
        Instant old = Instant.now().minus(Duration.ofDays(15));
        store.metrics().insert(List.of(new Sample("h1", "load", "1m", "", 9, old), new Sample("gone", "load", "1m", "", 9, old)));
        new Sampler(store.metrics(), session.events(), Duration.ofDays(14)).source("fake", fake).sampleOnce(hosts(), Set.of(Family.LOAD));
        List<Sample> left = store.metrics().query(SampleFilter.any());
        assertTrue(left.stream().noneMatch(s -> s.at().equals(old)), left.toString());
        assertEquals(8, left.size(), "this round's 1m, 5m, 15m and cores of two hosts");
        assertTrue(store.metrics().latest(SampleFilter.any()).stream().noneMatch(s -> s.host().equals("gone")));
    }

    @Test
    void retentionIsReadFromTheSettingWithAClearErrorForNonsense() {
        assertEquals(Duration.ofDays(14), MetricSettings.duration("14d", "x"));
        assertEquals(Duration.ofHours(36), MetricSettings.duration(" 36h", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricSettings.duration("two weeks", "~/.ops/config (metrics.retention=)"));
        assertEquals("~/.ops/config (metrics.retention=): 'two weeks' is not a duration; write it as 500ms, 30s, 5m or 2h, or in days (2d) or weeks (2w)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MetricSettings.duration("0d", "x"), "no retention at all");
    }
}

package dev.opsshell.core.store;

import dev.opsshell.core.metrics.MetricStore;
import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.metrics.SampleFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code Store.metrics()} does on every database: a round's samples go in whole or not at all,
 * come back exactly, filtered by metric, host (name or glob), field, label and time; the newest per
 * series; old ones purged; a store of schema 5 migrated; two stores adding the same new series at
 * once. Subclasses give a fresh database per call.
 */
public abstract class MetricStoreContract {
    static final Instant T0 = Instant.parse("2026-12-02T03:00:00.123Z");
    protected Store store;
    protected MetricStore metrics;

    /** A new, empty database each call. */
    protected abstract StoreLocation freshLocation() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = JdbcStore.open(freshLocation());
        metrics = store.metrics();
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
    }

    static Sample s(String host, String metric, String field, String label, double v, int second) {
        return new Sample(host, metric, field, label, v, T0.plusSeconds(second));
    }

    @Test
    void samplesRoundTripExactlyAndComeBackInSeriesAndTimeOrder() {
        List<Sample> round = List.of(s("web2", "cpu", "user", "", 12.5, 0), s("web1", "disk", "used_pct", "/var/lib a,b", 71.25, 0),
                s("web1", "cpu", "user", "", 3.0, 5), s("web1", "cpu", "user", "", 1.0E-4, 0));
        metrics.insert(round);
        List<Sample> all = metrics.query(SampleFilter.any());
        assertEquals(List.of(round.get(3), round.get(2), round.get(1), round.get(0)), all);
    }

    @Test
    void queriesFilterByMetricHostGlobFieldLabelAndHalfOpenTimeRange() {
        List<Sample> in = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            in.add(s("web1", "cpu", "user", "", t, t * 5));
            in.add(s("web1", "cpu", "idle", "", 100 - t, t * 5));
            in.add(s("web_2", "cpu", "user", "", t, t * 5));
            in.add(s("db1", "net", "rx_bytes_per_s", "eth0", t, t * 5));
            in.add(s("db1", "net", "rx_bytes_per_s", "eth1", t, t * 5));
        }
        metrics.insert(in);
        assertEquals(30, metrics.query(SampleFilter.metric("cpu")).size());
        assertEquals(20, metrics.query(SampleFilter.metric("cpu").host("web1")).size());
        assertEquals(20, metrics.query(SampleFilter.metric("cpu").host("web*").field("user")).size());
        assertEquals(10, metrics.query(SampleFilter.metric("cpu").host("web_*")).size(), "_ in a glob is a plain character");
        assertEquals(10, metrics.query(SampleFilter.metric("net").label("eth1")).size());
        List<Sample> window = metrics.query(SampleFilter.metric("cpu").host("web1").field("user")
                .since(T0.plusSeconds(10)).until(T0.plusSeconds(25)));
        assertEquals(List.of(2.0, 3.0, 4.0), window.stream().map(Sample::value).toList());
    }

    @Test
    void latestIsTheNewestOfEverySeriesWhateverOrderRoundsArrivedIn() {
        metrics.insert(List.of(s("web1", "load", "1m", "", 1, 10), s("web2", "load", "1m", "", 2, 10)));
        metrics.insert(List.of(s("web1", "load", "1m", "", 9, 20)));
        metrics.insert(List.of(s("web1", "load", "1m", "", 5, 15)));  // a late round does not win
        List<Sample> latest = metrics.latest(SampleFilter.metric("load"));
        assertEquals(List.of(s("web1", "load", "1m", "", 9, 20), s("web2", "load", "1m", "", 2, 10)), latest);
        assertEquals(1, metrics.latest(SampleFilter.metric("load").host("web2")).size());
    }

    @Test
    void aRoundOfManyStatementsWithRepeatedSeriesIsStoredExactlyAndItsNewestWin() {
        // 250 samples: more than one multi-row statement and a shorter last one; 5 rounds of 50 series,
        // the newest of each in the middle of the list, so the upsert sees every series five times
        List<Sample> in = new ArrayList<>();
        for (int round : new int[] {0, 2, 4, 3, 1})
            for (int host = 0; host < 50; host++) in.add(s("h" + host, "cpu", "user", "", round * 100 + host, round * 5));
        metrics.insert(in);
        assertEquals(250, metrics.query(SampleFilter.any()).size());
        List<Sample> latest = metrics.latest(SampleFilter.any());
        assertEquals(50, latest.size());
        for (Sample l : latest) assertEquals(s(l.host(), "cpu", "user", "", 400 + Integer.parseInt(l.host().substring(1)), 20), l);
    }

    @Test
    void purgeDeletesWhatIsOlderThanTheCutoffOnly() {
        metrics.insert(List.of(s("a", "load", "1m", "", 1, 0), s("a", "load", "1m", "", 2, 60), s("b", "load", "1m", "", 3, 0)));
        assertEquals(2, metrics.purgeBefore(T0.plusSeconds(30)));
        assertEquals(List.of(s("a", "load", "1m", "", 2, 60)), metrics.query(SampleFilter.any()));
        assertEquals(List.of(s("a", "load", "1m", "", 2, 60)), metrics.latest(SampleFilter.any()), "b's last sample is gone too");
        metrics.insert(List.of(s("b", "load", "1m", "", 4, 90)));  // a purged series takes samples again
        assertEquals(List.of(s("b", "load", "1m", "", 4, 90)), metrics.latest(SampleFilter.any().host("b")));
    }

    @Test
    void purgeReachesEverySeriesOfAManyRoundHistory() {
        for (int round = 0; round < 10; round++) {
            List<Sample> in = new ArrayList<>();
            for (int host = 0; host < 40; host++)
                for (String field : List.of("user", "system")) in.add(s("h" + host, "cpu", field, "", round, round * 5));
            metrics.insert(in);
        }
        assertEquals(40 * 2 * 4, metrics.purgeBefore(T0.plusSeconds(20)));
        List<Sample> left = metrics.query(SampleFilter.any());
        assertEquals(40 * 2 * 6, left.size());
        assertTrue(left.stream().allMatch(x -> !x.at().isBefore(T0.plusSeconds(20))), "nothing older than the cutoff");
        assertEquals(80, metrics.latest(SampleFilter.any()).size());
    }

    @Test
    void aSampleOfASeriesAtATimeAlreadyStoredReplacesIt() {
        metrics.insert(List.of(s("a", "load", "1m", "", 1, 0), s("a", "load", "1m", "", 2, 0), s("a", "load", "1m", "", 7, 5)));
        assertEquals(List.of(s("a", "load", "1m", "", 2, 0), s("a", "load", "1m", "", 7, 5)), metrics.query(SampleFilter.any()),
                "the later of two in one round");
        metrics.insert(List.of(s("a", "load", "1m", "", 3, 5)));
        assertEquals(List.of(s("a", "load", "1m", "", 2, 0), s("a", "load", "1m", "", 3, 5)), metrics.query(SampleFilter.any()),
                "a later round's sample at the same time");
        assertEquals(List.of(s("a", "load", "1m", "", 3, 5)), metrics.latest(SampleFilter.any()));
    }

    @Test
    void aStoreMigratedFromSchema5KeepsItsSamplesAndAnswersTheSameQueries() throws Exception {
        StoreLocation old = freshLocation();
        if (old.dialect() == Dialect.SQLITE) SqliteFiles.prepare(old.file());
        DataSource ds = DataSources.open(old);
        try {
            Flyway.configure(getClass().getClassLoader()).dataSource(ds).locations(old.dialect().migrations())
                    .target("5").loggers("slf4j").load().migrate();
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO samples (host, metric, field, label, at_ms, value) VALUES"
                        + " ('web1', 'cpu', 'user', '', " + ms(0) + ", 1.5), ('web1', 'cpu', 'user', '', " + ms(5) + ", 2.5),"
                        + " ('web2', 'disk', 'used_pct', '/var a,b', " + ms(0) + ", 71.25),"
                        + " ('web1', 'cpu', 'user', '', " + ms(5) + ", 3.5)");  // a duplicate time: the later row is kept
                st.executeUpdate("INSERT INTO samples_latest (host, metric, field, label, at_ms, value) VALUES"
                        + " ('web1', 'cpu', 'user', '', " + ms(5) + ", 3.5), ('web2', 'disk', 'used_pct', '/var a,b', " + ms(0) + ", 71.25)");
            }
        } finally {
            DataSources.close(ds);
        }
        try (Store migrated = JdbcStore.open(old)) {
            MetricStore m = migrated.metrics();
            List<Sample> all = List.of(s("web1", "cpu", "user", "", 1.5, 0), s("web1", "cpu", "user", "", 3.5, 5),
                    s("web2", "disk", "used_pct", "/var a,b", 71.25, 0));
            assertEquals(all, m.query(SampleFilter.any()));
            assertEquals(List.of(all.get(1)), m.query(SampleFilter.metric("cpu").host("web*").since(T0.plusSeconds(1))));
            assertEquals(List.of(all.get(1), all.get(2)), m.latest(SampleFilter.any()));
            m.insert(List.of(s("web1", "cpu", "user", "", 4.5, 10), s("web3", "cpu", "user", "", 5.5, 10)));
            assertEquals(List.of(s("web1", "cpu", "user", "", 4.5, 10), s("web2", "disk", "used_pct", "/var a,b", 71.25, 0),
                    s("web3", "cpu", "user", "", 5.5, 10)), m.latest(SampleFilter.any()));
            assertEquals(2, m.purgeBefore(T0.plusSeconds(1)), "web1's and web2's samples at 0");
        }
    }

    @Test
    void twoStoresWritingTheSameKnownSeriesInOppositeOrdersDoNotDeadlock() throws Exception {
        int rounds = 15;
        int hosts = 150;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (Store other = JdbcStore.open(((JdbcStore) store).location())) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                MetricStore into = w == 0 ? metrics : other.metrics();
                int offset = w;
                writers.add(two.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        List<Sample> in = new ArrayList<>();
                        for (int host = 0; host < hosts; host++) in.add(s("h" + host, "load", "1m", "", offset, round * 2 + offset));
                        if (offset == 1) Collections.reverse(in);
                        if (round == 0 && offset == 1) into.insert(in);  // the series known to both before they race
                        together.await(30, TimeUnit.SECONDS);
                        try {
                            if (round > 0 || offset == 0) into.insert(in);
                        } catch (RuntimeException e) {
                            together.reset();
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            failOnAWritersError(writers);
        } finally {
            two.shutdownNow();
        }
        assertEquals(hosts, count("SELECT count(*) FROM series"));
        assertEquals(rounds * hosts * 2, metrics.query(SampleFilter.any()).size());
        assertTrue(metrics.latest(SampleFilter.any()).stream().allMatch(l -> l.value() == 1));
    }

    /** Waits for both; a writer's own error fails the test, not the other's broken barrier. */
    private static void failOnAWritersError(List<Future<?>> writers) throws Exception {
        ExecutionException first = null;
        for (Future<?> f : writers) {
            try {
                f.get(120, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (first == null || first.getCause() instanceof BrokenBarrierException) first = e;
            }
        }
        if (first != null) throw first;
    }

    private static long ms(int second) {
        return T0.plusSeconds(second).toEpochMilli();
    }

    @Test
    void twoStoresAddingTheSameNewSeriesAtOnceNeitherFailNorDuplicate() throws Exception {
        int rounds = 15;
        int hosts = 150;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (Store other = JdbcStore.open(((JdbcStore) store).location())) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                MetricStore into = w == 0 ? metrics : other.metrics();
                int offset = w;
                writers.add(two.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        List<Sample> in = new ArrayList<>();
                        for (int host = 0; host < hosts; host++)  // new series every round, the same for both
                            in.add(s("r" + round + "h" + host, "load", "1m", "", offset, round * 2 + offset));
                        if (offset == 1) Collections.reverse(in);  // the other order: two lock orders must not deadlock
                        together.await(30, TimeUnit.SECONDS);
                        try {
                            into.insert(in);
                        } catch (RuntimeException e) {
                            together.reset();  // the other writer stops at once instead of waiting out the barrier
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            failOnAWritersError(writers);
        } finally {
            two.shutdownNow();
        }
        assertEquals(rounds * hosts, count("SELECT count(*) FROM series"));
        assertEquals(rounds * hosts, count("SELECT count(DISTINCT series_id) FROM samples"));
        List<Sample> all = metrics.query(SampleFilter.any());
        assertEquals(rounds * hosts * 2, all.size());
        List<Sample> latest = metrics.latest(SampleFilter.any());
        assertEquals(rounds * hosts, latest.size());
        assertTrue(latest.stream().allMatch(l -> l.value() == 1), "the second writer's sample is each series' newest");
    }

    @Test
    void aRoundIsStoredWholeOrNotAtAll() throws Exception {
        metrics.insert(List.of(s("known", "load", "1m", "", 1, 0)));  // a series already known: its id cached
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
            // a trigger refusing one sample's value, so the round fails after its new series were added
            if (store.dialect().equals("sqlite")) {
                st.execute("CREATE TRIGGER refuse BEFORE INSERT ON samples WHEN NEW.value = 666"
                        + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
            } else {
                st.execute("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN IF NEW.value = 666 THEN"
                        + " RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
                st.execute("CREATE TRIGGER refuse BEFORE INSERT ON samples FOR EACH ROW EXECUTE FUNCTION refuse()");
            }
        }
        List<Sample> round = List.of(s("known", "load", "1m", "", 2, 5), s("good", "load", "1m", "", 1, 5),
                s("bad", "load", "1m", "", 666, 5));
        assertThrows(StoreException.class, () -> metrics.insert(round));
        assertEquals(List.of(s("known", "load", "1m", "", 1, 0)), metrics.query(SampleFilter.any()));
        assertEquals(List.of(s("known", "load", "1m", "", 1, 0)), metrics.latest(SampleFilter.any()));
        assertEquals(1, count("SELECT count(*) FROM samples"));
        assertEquals(1, count("SELECT count(*) FROM series"));
        // the rolled-back series' id was not kept: the same series goes in on its own
        metrics.insert(List.of(s("good", "load", "1m", "", 3, 10)));
        assertEquals(List.of(s("good", "load", "1m", "", 3, 10)), metrics.latest(SampleFilter.any().host("good")));
    }

    long count(String sql) throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package dev.opsshell.core.store;

import dev.opsshell.core.metrics.MetricStore;
import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.metrics.SampleFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What {@code Store.metrics()} does on every database: a round's samples go in whole or not at all,
 * come back exactly, filtered by metric, host (name or glob), field, label and time; the newest per
 * series; old ones purged. Subclasses give a fresh database per test.
 */
public abstract class MetricStoreContract {
    static final Instant T0 = Instant.parse("2026-12-02T03:00:00.123Z");
    protected Store store;
    protected MetricStore metrics;

    protected abstract Store openFresh() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
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
    }

    @Test
    void aRoundIsStoredWholeOrNotAtAll() throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
            // a trigger refusing one sample's host, so the batch fails half way
            if (store.dialect().equals("sqlite")) {
                st.execute("CREATE TRIGGER refuse BEFORE INSERT ON samples WHEN NEW.host = 'bad'"
                        + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
            } else {
                st.execute("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN IF NEW.host = 'bad' THEN"
                        + " RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
                st.execute("CREATE TRIGGER refuse BEFORE INSERT ON samples FOR EACH ROW EXECUTE FUNCTION refuse()");
            }
        }
        List<Sample> round = List.of(s("good", "load", "1m", "", 1, 0), s("bad", "load", "1m", "", 1, 0));
        assertThrows(StoreException.class, () -> metrics.insert(round));
        assertEquals(List.of(), metrics.query(SampleFilter.any()));
        assertEquals(List.of(), metrics.latest(SampleFilter.any()));
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM samples")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }
}

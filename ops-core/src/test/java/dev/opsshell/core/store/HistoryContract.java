package dev.opsshell.core.store;

import dev.opsshell.core.history.HistoryStore;
import dev.opsshell.core.history.HostRecord;
import dev.opsshell.core.history.Recipe;
import dev.opsshell.core.history.RunDetail;
import dev.opsshell.core.history.RunQuery;
import dev.opsshell.core.history.RunRecord;
import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.result.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link HistoryStore} does on every database: a run and its hosts round-trip every field;
 * queries filter by failed, host, operation glob, time and limit, newest first; purge forgets old
 * runs with their hosts and notes when; a run that cannot be written leaves nothing half-written.
 * Subclasses give a fresh store per test.
 */
public abstract class HistoryContract {
    protected Store store;
    protected HistoryStore history;
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456789Z");

    protected abstract Store openFresh() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        history = store.history();
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
    }

    static RunRecord run(String operation, String target, Instant finished, int hosts, int failed) {
        return new RunRecord(0, finished.minusMillis(1500), finished, "ops@admin1", RunSource.script("/srv/deploy.jsh"),
                operation, target, "", "ssh", failed == 0 ? 0 : 5, hosts, failed, Recipe.of("exec", operation));
    }

    static List<HostRecord> hosts(int n, int failed) {
        List<HostRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean bad = i < failed;
            out.add(new HostRecord("web" + i, bad ? Outcome.FAILED : Outcome.OK, bad ? 3 : 0, Duration.ofMillis(40 + i), "ssh",
                    "out " + i + "\nline 2 ünïcødé", bad ? "err " + i : "", i == 1, bad ? "" : ""));
        }
        return out;
    }

    @Test
    void aRunAndItsHostsReadBackExactly() {
        RunRecord in = new RunRecord(0, T0, T0.plusMillis(2345), "alice@box", RunSource.shell("hosts(\"web\").exec(\"id\")"),
                "id", "web", "agent", "agent,ssh", 4, 3, 2, Recipe.of("exec", "id", "who am i"));
        List<HostRecord> hosts = List.of(
                new HostRecord("web1", Outcome.OK, 0, Duration.ofMillis(12), "ssh", "uid=0(root)\n", "", false, ""),
                new HostRecord("web2", Outcome.UNREACHABLE, -1, Duration.ofMillis(3000), "agent", "", "", false, "no route"),
                new HostRecord("web3", Outcome.FAILED, 2, Duration.ofMillis(7), "ssh", "partial", "boom\n", true, ""));
        RunRecord stored = history.record(in, hosts);
        assertTrue(stored.id() > 0);
        RunDetail back = history.run(stored.id()).orElseThrow();
        assertEquals(in.withId(stored.id()), back.run());
        assertEquals(hosts, back.hosts());
        assertEquals(Duration.ofMillis(2345), back.run().duration());
        assertTrue(history.run(stored.id() + 1000).isEmpty());
    }

    @Test
    void outcomesAreCountedPerRun() {
        RunRecord a = history.record(run("a", "web", T0, 3, 2), hosts(3, 2));
        RunRecord b = history.record(run("b", "web", T0, 2, 0), hosts(2, 0));
        List<HostRecord> mixed = new ArrayList<>(hosts(1, 0));
        mixed.add(new HostRecord("gone", Outcome.UNREACHABLE, -1, Duration.ZERO, "ssh", "", "", false, "no route"));
        RunRecord c = history.record(run("c", "web", T0, 2, 1), mixed);
        var counts = history.outcomes(List.of(a.id(), b.id(), c.id(), 999_999L));
        assertEquals(java.util.Map.of(Outcome.FAILED, 2, Outcome.OK, 1), counts.get(a.id()));
        assertEquals(java.util.Map.of(Outcome.OK, 2), counts.get(b.id()));
        assertEquals(java.util.Map.of(Outcome.OK, 1, Outcome.UNREACHABLE, 1), counts.get(c.id()));
        assertFalse(counts.containsKey(999_999L));
        assertEquals(java.util.Map.of(), history.outcomes(List.of()));
    }

    @Test
    void aRunWithoutRecipeOrHostsIsKept() {
        RunRecord in = new RunRecord(0, T0, T0, "", RunSource.UNKNOWN, "lambda", "all", "", "", 0, 0, 0, null);
        RunRecord stored = history.record(in, List.of());
        RunDetail back = history.run(stored.id()).orElseThrow();
        assertNull(back.run().recipe());
        assertEquals(List.of(), back.hosts());
    }

    @Test
    void runsComeNewestFirstAndTheLimitKeepsTheNewest() {
        for (int i = 0; i < 5; i++) history.record(run("op" + i, "web", T0.plusSeconds(i), 2, 0), hosts(2, 0));
        List<RunRecord> all = history.runs(RunQuery.all());
        assertEquals(List.of("op4", "op3", "op2", "op1", "op0"), all.stream().map(RunRecord::operation).toList());
        assertEquals(List.of("op4", "op3"), history.runs(RunQuery.all().limit(2)).stream().map(RunRecord::operation).toList());
        assertEquals(List.of(), history.runs(RunQuery.all().limit(0)));
    }

    @Test
    void filtersByFailedHostOperationGlobAndTime() {
        history.record(run("apt-get update", "web", T0, 3, 0), hosts(3, 0));
        history.record(run("apt-get upgrade -y", "db", T0.plusSeconds(60), 2, 1), hosts(2, 1));
        history.record(run("systemctl restart nginx", "web", T0.plusSeconds(120), 5, 2), hosts(5, 2));
        history.record(run("100%_done", "web", T0.plusSeconds(180), 1, 0), hosts(1, 0));

        assertEquals(List.of("systemctl restart nginx", "apt-get upgrade -y"), ops(RunQuery.all().failed()));
        assertEquals(List.of("systemctl restart nginx"), ops(RunQuery.all().host("web4")));
        assertEquals(List.of("100%_done", "systemctl restart nginx", "apt-get upgrade -y", "apt-get update"),
                ops(RunQuery.all().host("web0")));
        assertEquals(List.of(), ops(RunQuery.all().host("web9")));
        assertEquals(List.of("apt-get upgrade -y", "apt-get update"), ops(RunQuery.all().operation("apt-get*")));
        assertEquals(List.of("apt-get upgrade -y", "apt-get update"), ops(RunQuery.all().operation("APT*")), "case-insensitive");
        assertEquals(List.of("apt-get update"), ops(RunQuery.all().operation("apt-get updat?")));
        assertEquals(List.of("systemctl restart nginx"), ops(RunQuery.all().operation("*nginx")));
        assertEquals(List.of("100%_done"), ops(RunQuery.all().operation("100%_*")), "LIKE's own wildcards are literal");
        assertEquals(List.of(), ops(RunQuery.all().operation("100__*")));
        assertEquals(List.of("100%_done", "systemctl restart nginx"), ops(RunQuery.all().since(T0.plusSeconds(120))));
        assertEquals(List.of("systemctl restart nginx", "apt-get upgrade -y"),
                ops(RunQuery.all().since(T0.plusSeconds(1)).until(T0.plusSeconds(180))));
        assertEquals(List.of("apt-get upgrade -y"), ops(RunQuery.all().failed().host("web1").operation("apt*")));
    }

    @Test
    void purgeForgetsOlderRunsWithTheirHostsAndNotesWhen() {
        RunRecord old = history.record(run("old", "web", T0.minus(100, ChronoUnit.DAYS), 3, 1), hosts(3, 1));
        RunRecord recent = history.record(run("recent", "web", T0, 2, 0), hosts(2, 0));
        assertTrue(history.lastPurge().isEmpty());
        Instant before = Instant.now();
        assertEquals(1, history.purge(T0.minus(90, ChronoUnit.DAYS)));
        assertTrue(history.run(old.id()).isEmpty());
        assertEquals(2, history.run(recent.id()).orElseThrow().hosts().size());
        assertEquals(List.of("recent"), ops(RunQuery.all().host("web0")));
        Instant noted = history.lastPurge().orElseThrow();
        assertFalse(noted.isBefore(before.minusSeconds(1)));
        assertEquals(0, history.purge(T0.minus(90, ChronoUnit.DAYS)));
        assertTrue(history.lastPurge().orElseThrow().compareTo(noted) >= 0);
        try (var c = store.dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM run_hosts")) {
            rs.next();
            assertEquals(2, rs.getInt(1), "the old run's hosts are gone too");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRunWhoseHostsCannotBeWrittenLeavesNoRunBehind() throws Exception {
        history.record(run("fine", "web", T0, 3, 0), hosts(3, 0));
        sql("ALTER TABLE run_hosts RENAME TO run_hosts_away"); // the hosts' insert fails after the run's row went in
        try {
            assertThrows(RuntimeException.class, () -> history.record(run("broken", "web", T0.plusSeconds(1), 3, 0), hosts(3, 0)));
        } finally {
            sql("ALTER TABLE run_hosts_away RENAME TO run_hosts");
        }
        assertEquals(List.of("fine"), ops(RunQuery.all()));
    }

    @Test
    void twoHundredHostsWithRealisticOutputAreOneRun() {
        List<HostRecord> many = new ArrayList<>();
        String output = "Reading package lists...\n".repeat(80);
        for (int i = 0; i < 200; i++) {
            many.add(new HostRecord("h" + i, Outcome.OK, 0, Duration.ofMillis(i), "ssh", output, "", false, ""));
        }
        RunRecord r = history.record(run("apt-get update", "all", T0, 200, 0), many);
        RunDetail back = history.run(r.id()).orElseThrow();
        assertEquals(200, back.hosts().size());
        assertEquals("h199", back.hosts().get(199).host());
        assertEquals(output, back.hosts().get(7).stdout());
    }

    private List<String> ops(RunQuery q) {
        return history.runs(q).stream().map(RunRecord::operation).toList();
    }

    private void sql(String statement) throws java.sql.SQLException {
        try (var c = store.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute(statement);
            if (!c.getAutoCommit()) c.commit();
        }
    }
}

package dev.opsshell.core.history;

import dev.opsshell.core.events.Events;
import dev.opsshell.core.events.RunFinished;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecorderTest {
    @TempDir
    Path dir;
    private Store store;
    private final Events events = new Events();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        store = JdbcStore.open(StoreLocation.sqlite(dir.resolve("ops.db")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Results results(String title, int hosts, int failed) {
        List<Host> list = new java.util.ArrayList<>();
        List<Result> rs = new java.util.ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            Host h = Host.of("h" + i);
            list.add(h);
            rs.add(new Result(h, i < failed ? Outcome.FAILED : Outcome.OK, i < failed ? 1 : 0, "out " + i, "", false,
                    Instant.now(), Duration.ofMillis(5), "ssh", ""));
        }
        return new Results(title, Hosts.of("grp", list), rs, Duration.ofMillis(10));
    }

    private RunFinished finished(Results r) {
        return new RunFinished(r, RunSource.script("/tmp/x.jsh"), Instant.now(), Recipe.of("exec", r.title()));
    }

    @Test
    void everyPublishedRunIsRecordedAndTheLastOnesAreKeptAtClose() {
        Recorder recorder = Recorder.attach(events, store::history, problems::add, HistorySettings.defaults());
        for (int i = 0; i < 50; i++) events.publish(finished(results("op" + i, 3, i % 2)));
        recorder.close(); // flushes: a script's last runs are kept
        List<RunRecord> runs = store.history().runs(RunQuery.all().limit(100));
        assertEquals(50, runs.size());
        assertEquals("op49", runs.get(0).operation());
        assertEquals(25, store.history().runs(RunQuery.all().failed().limit(100)).size());
        assertEquals(List.of(), problems);
        assertTrue(Who.am().contains("@"));
        assertEquals(Who.am(), runs.get(0).who());
    }

    @Test
    void theSameResultsPublishedTwiceAreOneRun() {
        Recorder recorder = Recorder.attach(events, store::history, problems::add, HistorySettings.defaults());
        Results r = results("uptime", 2, 0);
        events.publish(finished(r));
        events.publish(new RunFinished(r, RunSource.shell("hosts(\"grp\").run(h -> h.exec(\"uptime\"))"), Instant.now()));
        recorder.close();
        assertEquals(1, store.history().runs(RunQuery.all()).size());
    }

    @Test
    void aStoreThatHangsDoesNotHoldUpTheRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        HistoryStore slow = new Delegating(store.history()) {
            @Override
            public RunRecord record(RunRecord run, List<HostRecord> hosts) {
                writing.countDown();
                await(release);
                return super.record(run, hosts);
            }
        };
        Recorder recorder = Recorder.attach(events, () -> slow, problems::add, HistorySettings.defaults());
        Results first = results("first", 2, 0);
        assertSame(first, events.publish(finished(first)).results());
        assertTrue(writing.await(30, TimeUnit.SECONDS));
        // the store is stuck in the first write: further runs still return (this line would hang otherwise)
        for (int i = 0; i < 10; i++) events.publish(finished(results("next" + i, 2, 0)));
        release.countDown();
        assertTrue(recorder.flush(Duration.ofSeconds(30)));
        recorder.close();
        assertEquals(11, store.history().runs(RunQuery.all()).size());
    }

    @Test
    void aStoreThatDoesNotOpenIsReportedOnceAndRunsAreUntouched() {
        AtomicInteger opens = new AtomicInteger();
        Recorder recorder = Recorder.attach(events, () -> {
            opens.incrementAndGet();
            throw new IllegalStateException("PostgreSQL at db:5432 does not answer");
        }, problems::add, HistorySettings.defaults());
        for (int i = 0; i < 5; i++) {
            Results r = results("op" + i, 2, 1);
            RunFinished published = events.publish(finished(r));
            assertSame(r, published.results());
            assertEquals(5, r.exitCode());
        }
        recorder.close();
        assertEquals(1, opens.get(), "a store that failed to open is not tried again for every run");
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("does not answer"), problems::toString);
        assertEquals(5, recorder.lost());
    }

    @Test
    void aStoreThatFailsToWriteIsReportedOnceAndLaterRunsAreStillTried() {
        AtomicInteger attempts = new AtomicInteger();
        HistoryStore failing = new Delegating(store.history()) {
            @Override
            public RunRecord record(RunRecord run, List<HostRecord> hosts) {
                if (attempts.incrementAndGet() <= 3) throw new IllegalStateException("disk full");
                return super.record(run, hosts);
            }
        };
        Recorder recorder = Recorder.attach(events, () -> failing, problems::add, HistorySettings.defaults());
        for (int i = 0; i < 5; i++) events.publish(finished(results("op" + i, 1, 0)));
        recorder.close();
        assertEquals(5, attempts.get());
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("disk full"));
        assertEquals(List.of("op4", "op3"), store.history().runs(RunQuery.all()).stream().map(RunRecord::operation).toList());
        assertEquals(3, recorder.lost());
    }

    @Test
    void retentionRunsWhenTheStoreIsFirstUsedAndThenNotAgainThatDay() {
        HistoryStore h = store.history();
        Instant now = Instant.now();
        h.record(new RunRecord(0, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(40)), "", RunSource.UNKNOWN,
                "ancient", "web", "", "", 0, 0, 0, null), List.of());
        Recorder recorder = Recorder.attach(events, store::history, problems::add,
                new HistorySettings(true, Duration.ofDays(30)));
        events.publish(finished(results("fresh", 1, 0)));
        recorder.close();
        assertEquals(List.of("fresh"), h.runs(RunQuery.all()).stream().map(RunRecord::operation).toList());
        assertTrue(h.lastPurge().isPresent());
        h.record(new RunRecord(0, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(40)), "", RunSource.UNKNOWN,
                "ancient again", "web", "", "", 0, 0, 0, null), List.of());
        assertEquals(Optional.empty(), Retention.applyIfDue(h, Duration.ofDays(30), Instant.now()), "purged today already");
        assertEquals(Optional.of(1), Retention.applyIfDue(h, Duration.ofDays(30), Instant.now().plus(Duration.ofDays(1))));
        assertEquals(Optional.empty(), Retention.applyIfDue(h, null, Instant.now().plus(Duration.ofDays(9))), "kept forever");
    }

    @Test
    void closingWhileTheStoreIsStillOpeningWaitsForTheWriterSoTheStoreOutlivesIt() throws Exception {
        // an ops exec that failed at once closed its store under the recorder still opening it, and the
        // purge then said "HikariDataSource has been closed" (a full CI run, TargetsCommandLineIT)
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch opened = new CountDownLatch(1);
        Recorder recorder = Recorder.attach(events, () -> {
            opening.countDown();
            await(opened);
            return store.history();
        }, problems::add, HistorySettings.defaults());
        recorder.openSoon();
        await(opening);
        Thread closer = new Thread(recorder::close, "closer");
        closer.start();
        Thread.State state = Await.value(Duration.ofSeconds(30), "the closer to wait or end", () -> {
            Thread.State st = closer.getState();
            return st == Thread.State.TERMINATED || st == Thread.State.TIMED_WAITING ? Optional.of(st) : Optional.empty();
        });
        assertEquals(Thread.State.TIMED_WAITING, state, "close returned while the store was still being opened");
        opened.countDown();
        closer.join(30_000);
        assertFalse(closer.isAlive());
        assertEquals(List.of(), problems);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A history store that passes everything on; tests override one method to fail or stall it. */
    private static class Delegating implements HistoryStore {
        private final HistoryStore to;

        Delegating(HistoryStore to) {
            this.to = to;
        }

        @Override
        public RunRecord record(RunRecord run, List<HostRecord> hosts) {
            return to.record(run, hosts);
        }

        @Override
        public List<RunRecord> runs(RunQuery query) {
            return to.runs(query);
        }

        @Override
        public java.util.Map<Long, java.util.Map<Outcome, Integer>> outcomes(java.util.Collection<Long> runIds) {
            return to.outcomes(runIds);
        }

        @Override
        public Optional<RunDetail> run(long id) {
            return to.run(id);
        }

        @Override
        public int purge(Instant cutoff) {
            return to.purge(cutoff);
        }

        @Override
        public Optional<Instant> lastPurge() {
            return to.lastPurge();
        }
    }
}

package dev.opsshell.core.schedule;

import dev.opsshell.core.events.Events;
import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.store.JdbcStore;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stored schedules on SQLite, run by {@link StoredRunner}s as {@code ops hub} runs them. */
class StoredRunnerTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(20);

    @TempDir
    Path tmp;
    private JdbcStore store;
    private final List<StoredRunner> runners = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        TestActions.register();
        store = JdbcStore.open(StoreLocation.sqlite(tmp.resolve("ops.db")));
    }

    @AfterEach
    void close() {
        TestActions.release.countDown();
        runners.forEach(StoredRunner::close);
        store.close();
    }

    private StoredRunner runner(String id, Events events) {
        StoredRunner r = new StoredRunner(store.schedules(), events, id, "test " + id, POLL, Duration.ofSeconds(30),
                m -> { throw new AssertionError("runner " + id + " reported: " + m); }).start();
        runners.add(r);
        return r;
    }

    private StoredSchedule row(String name) {
        return store.schedules().get(name).orElseThrow();
    }

    @Test
    void aStoredScheduleRunsWithItsSourceAndItsOutcomeIsRecorded() {
        String name = "count-" + System.nanoTime();
        List<ScheduleFinished> finished = new CopyOnWriteArrayList<>();
        Events events = new Events();
        events.subscribe(ScheduleFinished.class, finished::add);
        store.schedules().put(name, When.every(Duration.ofMillis(50)), StoredAction.of("test-count", name), Instant.now());
        runner("hub-1", events);
        Await.until(LIMIT, "three recorded runs", () -> row(name).runs() >= 3);
        StoredSchedule s = row(name);
        assertTrue(s.lastOutcome().ok());
        assertEquals(RunSource.schedule(name), TestActions.SOURCE.get(name));
        assertTrue(s.lastRun() != null && s.nextRun().isAfter(s.lastRun()), s.toString());
        assertEquals("hub", finished.get(0).where());
        assertEquals("test-count " + name, finished.get(0).action());
        assertEquals(1, store.schedules().runners().size());
        assertEquals("hub-1", store.schedules().runners().get(0).id());
    }

    @Test
    void aRunThatFailsIsRecordedAsFailedAndTheScheduleGoesOn() {
        store.schedules().put("nothing", When.every(Duration.ofMillis(50)), StoredAction.of("no-such-kind"), Instant.now());
        runner("hub-1", null);
        Await.until(LIMIT, "two recorded runs", () -> row("nothing").runs() >= 2);
        assertFalse(row("nothing").lastOutcome().ok());
        assertTrue(row("nothing").lastOutcome().text().contains("no stored action of kind 'no-such-kind'"),
                row("nothing").lastOutcome().text());
        var bad = assertThrows(IllegalArgumentException.class, () -> ActionKinds.check(StoredAction.of("test-count")));
        assertEquals("give test-count NAME", bad.getMessage());
    }

    @Test
    void replacedAndStoppedSchedulesArePickedUpWhileTheRunnerRuns() {
        String a = "a-" + System.nanoTime();
        String b = "b-" + System.nanoTime();
        store.schedules().put("job", When.every(Duration.ofMillis(50)), StoredAction.of("test-count", a), Instant.now());
        runner("hub-1", null);
        Await.until(LIMIT, "the first action to run", () -> TestActions.runs(a) >= 1);
        StoredSchedule replaced = store.schedules().put("job", When.every(Duration.ofMillis(50)), StoredAction.of("test-count", b),
                Instant.now());
        assertEquals(0, replaced.runs());
        Await.until(LIMIT, "the new action to run 3 times", () -> TestActions.runs(b) >= 3);
        int aRuns = TestActions.runs(a);
        Await.until(LIMIT, "the new action to run 6 times", () -> TestActions.runs(b) >= 6);
        assertEquals(aRuns, TestActions.runs(a), "the replaced action still runs");
        assertTrue(store.schedules().remove("job"));
        String clock = "clock-" + System.nanoTime();
        store.schedules().put("clock", When.every(Duration.ofMillis(50)), StoredAction.of("test-count", clock), Instant.now());
        // the clock's first run was claimed in a round after the removal: a run of b claimed before it has started
        Await.until(LIMIT, "a run of another schedule", () -> TestActions.runs(clock) >= 1);
        Await.until(LIMIT, "no run of b going", () -> TestActions.AT_ONCE.get(b).get() == 0);
        int bRuns = TestActions.runs(b);
        Await.until(LIMIT, "5 runs of another schedule", () -> TestActions.runs(clock) >= 5);
        assertEquals(bRuns, TestActions.runs(b), "a stopped schedule ran");
        assertEquals(1, store.schedules().removeAll());
    }

    @Test
    void aRunStillGoingIsNotStartedAgainButSkippedAndCounted() {
        String name = "slow-" + System.nanoTime();
        TestActions.release = new CountDownLatch(1);
        store.schedules().put("slow", When.every(Duration.ofMillis(30)), StoredAction.of("test-block", name), Instant.now());
        runner("hub-1", null);
        Await.until(LIMIT, "three skipped times", () -> row("slow").skipped() >= 3);
        assertEquals(1, TestActions.runs(name));
        assertTrue(row("slow").running(Instant.now()));
        TestActions.release.countDown();
        Await.until(LIMIT, "a second run", () -> row("slow").runs() >= 2);
        assertEquals(1, TestActions.most(name));
    }

    @Test
    void aRunMissedWhileNoHubRanRunsOnceWhenOneStarts() {
        String name = "missed-" + System.nanoTime();
        Instant longAgo = Instant.now().minus(Duration.ofHours(3));
        store.schedules().put("hourly", When.every(Duration.ofHours(1)), StoredAction.of("test-count", name), longAgo);
        runner("hub-1", null);
        Await.until(LIMIT, "the missed run", () -> row("hourly").runs() >= 1);
        assertEquals(1, TestActions.runs(name));
        assertTrue(row("hourly").nextRun().isAfter(Instant.now().plus(Duration.ofMinutes(50))), row("hourly").toString());
        assertNull(row("hourly").leaseHolder());
    }

    @Test
    void aClaimOfADueTimeAnotherHubTookIsLost() {
        Instant due = Instant.now().minusSeconds(1);
        StoredSchedule s = store.schedules().put("x", When.every(Duration.ofMinutes(1)), StoredAction.of("test-count", "x"), due);
        Instant now = Instant.now();
        var schedules = store.schedules();
        assertEquals(ScheduleStore.Claim.CLAIMED, schedules.claim(s, now.plusSeconds(60), "hub-1", now.plusSeconds(30), now));
        assertEquals(ScheduleStore.Claim.LOST, schedules.claim(s, now.plusSeconds(60), "hub-2", now.plusSeconds(30), now));
        StoredSchedule next = row("x");
        assertEquals(ScheduleStore.Claim.SKIPPED, schedules.claim(next, now.plusSeconds(120), "hub-2", now.plusSeconds(30), now));
        schedules.finish("x", next.generation(), "hub-2", RunOutcome.OK, now);
        assertEquals(0, row("x").runs(), "a hub that holds no lease recorded a run");
        schedules.finish("x", next.generation(), "hub-1", RunOutcome.failed(new RuntimeException("boom")), now);
        assertEquals(1, row("x").runs());
        assertEquals("failed: boom", row("x").lastOutcome().text());
        assertEquals(1, row("x").skipped());
    }
}

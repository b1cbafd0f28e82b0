package dev.opsshell.core.schedule;

import dev.opsshell.core.events.Events;
import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulerTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private final Events events = new Events();
    private final Scheduler scheduler = new Scheduler(events);

    @AfterEach
    void close() {
        scheduler.close();
    }

    private ScheduleState state(String name) {
        return scheduler.list().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aScheduleFiresAgainAndAgainWithItsNameAsTheRunsSourceAndTellsTheEvents() {
        List<RunSource> sources = new CopyOnWriteArrayList<>();
        List<ScheduleFinished> finished = new CopyOnWriteArrayList<>();
        events.subscribe(ScheduleFinished.class, finished::add);
        scheduler.add("uptime", When.every(Duration.ofMillis(20)), "lambda", () -> sources.add(RunSource.current()));
        Await.until(LIMIT, "three runs", () -> state("uptime").runs() >= 3);
        assertTrue(sources.stream().allMatch(s -> s.equals(RunSource.schedule("uptime"))), sources.toString());
        Await.until(LIMIT, "three finished events", () -> finished.size() >= 3);
        assertEquals("uptime", finished.get(0).name());
        assertTrue(finished.get(0).outcome().ok());
        ScheduleState s = state("uptime");
        assertEquals("every 20ms", s.when());
        assertEquals("session", s.where());
        assertTrue(s.lastRun() != null && s.nextRun() != null && s.lastOutcome().ok(), s.toString());
    }

    @Test
    void registeringANameAgainReplacesTheOldSchedule() {
        AtomicInteger old = new AtomicInteger();
        AtomicInteger fresh = new AtomicInteger();
        scheduler.add("job", When.every(Duration.ofMillis(20)), "old", old::incrementAndGet);
        Await.until(LIMIT, "the old schedule to run", () -> old.get() >= 1);
        scheduler.add("job", When.every(Duration.ofMillis(20)), "new", fresh::incrementAndGet);
        Await.until(LIMIT, "the new schedule to run 3 times", () -> fresh.get() >= 3);
        int oldRuns = old.get();
        Await.until(LIMIT, "the new schedule to run 6 times", () -> fresh.get() >= 6);
        assertEquals(oldRuns, old.get(), "the replaced schedule still runs");
        assertEquals(1, scheduler.list().size());
        assertEquals("new", state("job").action());
    }

    @Test
    void aStoppedScheduleNeverRunsAgainWhileOthersDo() {
        AtomicInteger stopped = new AtomicInteger();
        AtomicInteger clock = new AtomicInteger();
        List<Boolean> stopAnswers = new CopyOnWriteArrayList<>();
        // stopped from its own first run: no other run of it can be going or waiting to start
        scheduler.add("a", When.every(Duration.ofMillis(20)), "a", () -> {
            stopped.incrementAndGet();
            stopAnswers.add(scheduler.stop("a"));
            return null;
        });
        Await.until(LIMIT, "a to run and stop itself", () -> !stopAnswers.isEmpty());
        assertTrue(scheduler.list().isEmpty());
        assertFalse(scheduler.stop("a"), "stopping it twice");
        scheduler.add("clock", When.every(Duration.ofMillis(20)), "clock", clock::incrementAndGet);
        Await.until(LIMIT, "10 ticks of another schedule", () -> clock.get() >= 10);
        assertEquals(1, stopped.get());
        assertEquals(List.of(true), stopAnswers);
        scheduler.add("b", When.every(Duration.ofMillis(20)), "b", () -> null);
        assertEquals(2, scheduler.stopAll());
        assertTrue(scheduler.list().isEmpty());
    }

    @Test
    void aRunStillGoingIsNotStartedAgainButSkippedAndCounted() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        scheduler.add("slow", When.every(Duration.ofMillis(10)), "slow", () -> {
            started.incrementAndGet();
            most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            try {
                return release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                atOnce.decrementAndGet();
            }
        });
        Await.until(LIMIT, "five skipped times", () -> state("slow").skipped() >= 5);
        assertEquals(1, started.get());
        assertTrue(state("slow").running());
        release.countDown();
        Await.until(LIMIT, "a second run", () -> state("slow").runs() >= 2);
        assertEquals(1, most.get(), "two runs of one schedule at once");
    }

    @Test
    void aRunThatThrowsIsAFailedOutcomeAndTheScheduleGoesOn() {
        scheduler.add("broken", When.every(Duration.ofMillis(20)), "broken", () -> {
            throw new IllegalStateException("disk on fire\nsecond line");
        });
        Await.until(LIMIT, "three failed runs", () -> state("broken").runs() >= 3);
        RunOutcome o = state("broken").lastOutcome();
        assertFalse(o.ok());
        assertEquals("failed: disk on fire", o.text());
    }

    @Test
    void aBadNameIsRefusedSayingWhatANameIs() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> scheduler.add("../x", When.every(Duration.ofSeconds(1)), "x", () -> null));
        assertTrue(e.getMessage().contains("letters, digits"), e.getMessage());
    }
}

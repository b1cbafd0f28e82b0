package dev.opsshell.core.schedule;

import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.testing.Await;
import dev.opsshell.core.testing.PostgresLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two hubs' runners on one real PostgreSQL (the lab), each with its own connections, racing for
 * the same schedules every 20 ms: every due time is run by one of them only.
 */
class TwoHubsPostgresIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** A claim a runner won: which schedule, the due time it was for, and who. */
    private record Won(String name, Instant due, String runner) { }

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Won> won = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        TestActions.release.countDown();
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    /** The store's schedules, with every claim this runner won noted. */
    private ScheduleStore noting(ScheduleStore inner, String runner) {
        return (ScheduleStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ScheduleStore.class},
                (proxy, method, args) -> {
                    Object r;
                    try {
                        r = method.invoke(inner, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("claim") && r == ScheduleStore.Claim.CLAIMED) {
                        StoredSchedule s = (StoredSchedule) args[0];
                        won.add(new Won(s.name(), s.nextRun(), runner));
                    }
                    return r;
                });
    }

    private JdbcStore hub(String url, String id) {
        JdbcStore store = JdbcStore.open(StoreLocation.postgresql(url));
        open.add(store);
        StoredRunner runner = new StoredRunner(noting(store.schedules(), id), null, id, id, Duration.ofMillis(20),
                Duration.ofSeconds(30), m -> { throw new AssertionError(id + " reported: " + m); }).start();
        open.add(runner);
        return store;
    }

    @Test
    void twoHubsNeverRunOneDueTimeTwice() {
        TestActions.register();
        String url = PostgresLab.freshDatabase(TwoHubsPostgresIT.class);
        JdbcStore first = hub(url, "hub-a");
        hub(url, "hub-b");
        List<String> names = List.of("p-" + System.nanoTime(), "q-" + System.nanoTime(), "r-" + System.nanoTime());
        for (String n : names) first.schedules().put(n, When.every(Duration.ofMillis(30)), StoredAction.of("test-count", n), Instant.now());
        Await.until(LIMIT, "20 runs of each schedule", () -> names.stream().allMatch(n -> TestActions.runs(n) >= 20));
        first.schedules().removeAll();
        Set<String> dueTimes = new HashSet<>();
        for (Won w : won) assertTrue(dueTimes.add(w.name() + "@" + w.due()), "run twice: " + w + " (of " + won.size() + " claims)");
        for (String n : names) {
            long claims = won.stream().filter(w -> w.name().equals(n)).count();
            Await.until(LIMIT, "every claimed run of " + n + " to have run", () -> TestActions.runs(n) == claims);
        }
        assertTrue(won.stream().map(Won::runner).distinct().count() == 2,
                "one hub won every claim, so the race was not tried: " + won.size() + " claims");
    }

    @Test
    void aRunGoingOnOneHubIsSkippedByBothUntilItEnds() {
        TestActions.register();
        TestActions.release = new CountDownLatch(1);
        String url = PostgresLab.freshDatabase(TwoHubsPostgresIT.class);
        JdbcStore first = hub(url, "hub-a");
        hub(url, "hub-b");
        String n = "slow-" + System.nanoTime();
        first.schedules().put("slow", When.every(Duration.ofMillis(30)), StoredAction.of("test-block", n), Instant.now());
        Await.until(LIMIT, "10 skipped times", () -> first.schedules().get("slow").orElseThrow().skipped() >= 10);
        assertEquals(1, TestActions.runs(n));
        TestActions.release.countDown();
        Await.until(LIMIT, "three runs", () -> first.schedules().get("slow").orElseThrow().runs() >= 3);
        assertEquals(1, TestActions.most(n), "two runs of one schedule at once");
    }
}

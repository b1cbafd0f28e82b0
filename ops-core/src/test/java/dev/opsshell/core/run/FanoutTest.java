package dev.opsshell.core.run;

import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fan-out bounds what is in flight, isolates failures, and returns partial results when cancelled. */
class FanoutTest {

    private static Hosts hosts(int n) {
        return Hosts.of("h", IntStream.rangeClosed(1, n).mapToObj(i -> Host.of("h" + i)).toList());
    }

    private static Result ok(Host h) {
        return Result.exited(h, 0, h.name(), "", false, Instant.now(), "test");
    }

    @Test
    void noMoreThanForksTasksRunAtOnceAndForksAreReached() {
        int forks = 4;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        CyclicBarrier allForksBusy = new CyclicBarrier(forks);
        Results r = Fanout.run("bounded", hosts(20), forks, Progress.Factory.NONE, h -> {
            max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                allForksBusy.await(10, TimeUnit.SECONDS); // every batch of `forks` tasks meets here
            } catch (Exception e) {
                throw new IllegalStateException("fewer than " + forks + " tasks ran together", e);
            } finally {
                inFlight.decrementAndGet();
            }
            return ok(h);
        });
        assertEquals(forks, max.get());
        assertEquals(20, r.successful().size());
    }

    @Test
    void resultsComeBackInHostOrderWhateverOrderTheyFinish() {
        // each host finishes only after the next one has: h8 first, h1 last
        Map<String, CountDownLatch> done = new ConcurrentHashMap<>();
        hosts(8).names().forEach(n -> done.put(n, new CountDownLatch(1)));
        Results r = Fanout.run("order", hosts(8), 8, Progress.Factory.NONE, h -> {
            CountDownLatch next = done.get("h" + (Integer.parseInt(h.name().substring(1)) + 1));
            try {
                if (next != null && !next.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("h+1 never finished");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.get(h.name()).countDown();
            return ok(h);
        });
        assertEquals(hosts(8).names(), r.list().stream().map(x -> x.host().name()).toList());
    }

    @Test
    void aThrowingTaskBecomesAnErrorResultAndTheOthersKeepTheirs() {
        Results r = Fanout.run("throws", hosts(3), 2, Progress.Factory.NONE, h -> {
            if (h.name().equals("h2")) throw new IllegalStateException("disk on fire");
            return ok(h);
        });
        assertEquals(List.of(Outcome.OK, Outcome.ERROR, Outcome.OK), r.list().stream().map(Result::outcome).toList());
        assertEquals("disk on fire", r.get("h2").message());
        assertEquals("h3", r.get("h3").stdout());
    }

    @Test
    void everyResultIsReportedToProgressAndProgressIsFinished() {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Progress.Factory factory = (title, total) -> new Progress() {
            @Override
            public void done(Result result) {
                done.incrementAndGet();
            }

            @Override
            public void finish() {
                finished.incrementAndGet();
            }
        };
        Fanout.run("progress", hosts(5), 2, factory, FanoutTest::ok);
        assertEquals(5, done.get());
        assertEquals(1, finished.get());
    }

    @Test
    void interruptingTheCallerReturnsPartialResultsWithTheRestCancelled() throws Exception {
        CountDownLatch twoCollected = new CountDownLatch(2);
        Progress.Factory counting = (title, total) -> new Progress() {
            @Override
            public void done(Result result) {
                twoCollected.countDown();
            }
        };
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Results> out = new AtomicReference<>();
        AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            out.set(Fanout.run("cancel", hosts(4), 4, counting, h -> {
                if (h.name().equals("h1") || h.name().equals("h3")) return ok(h);
                try {
                    never.await();
                    return ok(h);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Result.problem(h, Outcome.ERROR, "interrupted", Instant.now(), "test");
                }
            }));
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertTrue(twoCollected.await(10, TimeUnit.SECONDS), "h1 and h3 finished");
        caller.interrupt();
        caller.join(10_000);
        assertFalse(caller.isAlive(), "the fan-out returned after the interrupt");
        Results r = out.get();
        assertEquals(List.of(Outcome.OK, Outcome.CANCELLED, Outcome.OK, Outcome.CANCELLED),
                r.list().stream().map(Result::outcome).toList());
        assertTrue(r.get("h2").message().contains("cancelled"));
        assertFalse(interruptedAfter.get(), "the interrupt is consumed: the shell stays usable");
    }

    @Test
    void cancelAllInterruptsRunningFanouts() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Results> out = new AtomicReference<>();
        Thread caller = new Thread(() -> out.set(Fanout.run("cancelAll", hosts(2), 2, Progress.Factory.NONE, h -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok(h);
        })));
        caller.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Fanout.cancelAll();
        caller.join(10_000);
        assertFalse(caller.isAlive());
        assertTrue(out.get().list().stream().allMatch(x -> x.outcome() == Outcome.CANCELLED));
    }

    @Test
    void cancelAllLeavesAScheduledRunGoingOnBehindThePrompt() throws Exception {
        // Ctrl-C at the prompt is for what the operator waits for; a schedule's run goes on (and ends by itself)
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Results> out = new AtomicReference<>();
        Thread scheduled = new Thread(() -> {
            try {
                out.set(RunSource.during(RunSource.schedule("disk"), () -> Fanout.run("scheduled", hosts(1), 1,
                        Progress.Factory.NONE, h -> {
                            started.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException("interrupted by cancelAll");
                            }
                            return ok(h);
                        })));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        scheduled.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Fanout.cancelAll();
        release.countDown();
        scheduled.join(10_000);
        assertFalse(scheduled.isAlive());
        assertEquals(Outcome.OK, out.get().list().get(0).outcome(), out.get().toString());
    }

    @Test
    void noHostsMeansNoResultsAndNoThreads() {
        Results r = Fanout.run("none", Hosts.of("none", List.of()), 4, Progress.Factory.NONE, FanoutTest::ok);
        assertEquals(0, r.size());
    }

    @Test
    void aProgressDisplayThatFailsDoesNotLoseTheResults() {
        Progress broken = new Progress() {
            @Override
            public void done(Result result) {
                throw new IllegalStateException("terminal went away");
            }

            @Override
            public void finish() {
                throw new IllegalStateException("terminal went away");
            }
        };
        Results r = Fanout.run("broken progress", hosts(3), 2, (title, total) -> broken, FanoutTest::ok);
        assertEquals(3, r.successful().size());
    }
}

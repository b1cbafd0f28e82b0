package dev.opsshell.core.schedule;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stored action kind for tests, {@code test-count NAME}: counts its runs per name and how many of
 * one name ran at once; {@code test-block NAME} waits until the test releases it.
 */
final class TestActions {
    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> AT_ONCE = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> MOST = new ConcurrentHashMap<>();
    static final Map<String, dev.opsshell.core.history.RunSource> SOURCE = new ConcurrentHashMap<>();
    static volatile CountDownLatch release = new CountDownLatch(0);

    private TestActions() {
    }

    static void register() {
        ActionKinds.register(kind("test-count", false));
        ActionKinds.register(kind("test-block", true));
    }

    static int runs(String name) {
        return RUNS.computeIfAbsent(name, n -> new AtomicInteger()).get();
    }

    static int most(String name) {
        return MOST.computeIfAbsent(name, n -> new AtomicInteger()).get();
    }

    private static ActionKind kind(String kind, boolean block) {
        return new ActionKind() {
            @Override
            public String name() {
                return kind;
            }

            @Override
            public String usage() {
                return kind + " NAME";
            }

            @Override
            public void check(List<String> args) {
                if (args.size() != 1) throw new IllegalArgumentException("give " + usage());
            }

            @Override
            public ScheduledWork work(List<String> args) {
                String name = args.get(0);
                return () -> {
                    SOURCE.put(name, dev.opsshell.core.history.RunSource.current());
                    RUNS.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                    int now = AT_ONCE.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                    MOST.computeIfAbsent(name, n -> new AtomicInteger()).accumulateAndGet(now, Math::max);
                    try {
                        if (block && !release.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
                        return null;
                    } finally {
                        AT_ONCE.get(name).decrementAndGet();
                    }
                };
            }
        };
    }
}

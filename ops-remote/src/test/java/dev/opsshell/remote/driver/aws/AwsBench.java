package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.Machine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Create and destroy N systems through the aws driver against {@link Ec2Endpoint} (each instance
 * unknown to DescribeInstances for 1 describe and pending for 2): the API calls made per system,
 * and the CPU of the threads calling the driver (ops and the SDK client; the endpoint's threads
 * are not counted). Prints markdown rows for docs/benchmarks.md; run by scripts/bench-aws.
 * <pre>java … AwsBench SYSTEMS WORKERS POLL_MS</pre>
 */
public final class AwsBench {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int workers = Integer.parseInt(args[1]);
        String pollMs = args[2];
        AwsLab.credentials();
        try (Ec2Endpoint endpoint = new Ec2Endpoint()) {
            endpoint.ec2.invisibleFor = 1;
            endpoint.ec2.pendingFor = 2;
            try (Driver driver = new AwsProvider().open(AwsLab.section(endpoint, "batch_ms", pollMs))) {
                List<Machine> warm = new ArrayList<>(); // the JIT compiles the SDK's and ops's paths first
                for (int i = 0; i < 100; i++) warm.add(AwsLab.machine(AwsLab.section(endpoint, "poll_ms", pollMs)));
                phase("warm-up", endpoint, warm, workers, m -> driver.create(m, JobContext.none()), false);
                phase("warm-up", endpoint, warm, workers, m -> driver.destroy(m, JobContext.none()), false);
                List<Machine> ms = new ArrayList<>();
                for (int i = 0; i < n; i++) ms.add(AwsLab.machine(AwsLab.section(endpoint, "poll_ms", pollMs)));
                phase("create and wait for running", endpoint, ms, workers, m -> {
                    Instance made = driver.create(m, JobContext.none());
                    if (made.state() != InstanceState.RUNNING) throw new IllegalStateException(m.id() + " is " + made.state());
                }, true);
                phase("destroy", endpoint, ms, workers, m -> driver.destroy(m, JobContext.none()), true);
            }
        }
    }

    private static void phase(String name, Ec2Endpoint endpoint, List<Machine> ms, int workers, Consumer<Machine> job,
                              boolean print) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Integer> before = snapshot(endpoint);
        AtomicLong cpuNanos = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> done = new ArrayList<>();
        for (Machine m : ms) {
            done.add(pool.submit(() -> {
                long cpu = threads.getCurrentThreadCpuTime();
                job.accept(m);
                cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpu);
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        double wallS = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> after = snapshot(endpoint);
        Map<String, Integer> calls = new TreeMap<>();
        after.forEach((k, v) -> {
            int d = v - before.getOrDefault(k, 0);
            if (d > 0) calls.put(k, d);
        });
        int total = calls.values().stream().mapToInt(Integer::intValue).sum();
        if (print) {
            System.out.printf("| %s | %d | %s | %.2f | %.2f s | %.2f ms |%n", name, ms.size(), calls, (double) total / ms.size(),
                    wallS, cpuNanos.get() / 1e6 / ms.size());
        }
    }

    private static Map<String, Integer> snapshot(Ec2Endpoint endpoint) {
        Map<String, Integer> m = new TreeMap<>();
        endpoint.calls.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }
}

package dev.opsshell.remote.driver.digitalocean;

import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.Machine;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Creates N systems through the digitalocean driver against {@link FakeDigitalOcean} (droplets
 * {@code new} for 1 s, their address 0.5 s later), W at a time as W job workers would, waits for each
 * to be active with an address, then destroys them. Prints API calls per system (counted by the
 * endpoint) for create-and-wait and for destroy, and ops's CPU per system: the process's CPU time
 * less the endpoint's own (its handler threads and HttpServer's dispatcher), so JIT and GC of the
 * whole JVM count against ops.
 * A warm-up round of N systems goes first.
 * <pre>java … DigitalOceanBench [systems 50] [workers 10] [poll ms 2000]</pre>
 */
public final class DigitalOceanBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long pollMs = args.length > 2 ? Long.parseLong(args[2]) : 2000;
        Timing timing = new Timing(Duration.ofMillis(pollMs), Duration.ofMinutes(5), Duration.ofMinutes(5));
        try (FakeDigitalOcean fake = new FakeDigitalOcean()) {
            fake.droplets.newFor = Duration.ofSeconds(1);
            fake.droplets.addressAfter = Duration.ofMillis(500);
            DigitalOceanDriver driver = new DigitalOceanDriver(fake.url(), new DigitalOceanToken(FakeDigitalOcean.TOKEN), timing);
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            for (int w = 0; w < Integer.getInteger("bench.warmups", 1); w++) round(fake, driver, pool, n); // warm-up: the JIT
            Result r = round(fake, driver, pool, n);
            pool.shutdown();
            if (System.getenv("BENCH_THREADS") != null) threads();
            System.out.printf("| %d | %d | %d ms | %.2f | %.2f | %.2f ms | %.1f s |%n", n, workers, pollMs,
                    r.createCalls / (double) n, r.destroyCalls / (double) n, r.opsCpuNanos / 1e6 / n, r.wallNanos / 1e9);
        }
    }

    private record Result(long createCalls, long destroyCalls, long opsCpuNanos, long wallNanos) {
    }

    private static Result round(FakeDigitalOcean fake, DigitalOceanDriver driver, ExecutorService pool, int n) throws Exception {
        List<Machine> machines = new ArrayList<>();
        for (int i = 0; i < n; i++) machines.add(DigitalOceanLab.machine(DigitalOceanLab.section(fake)));
        long cpu0 = processCpu() - endpointCpu(fake);
        long wall0 = System.nanoTime();
        int calls0 = fake.calls.get();
        List<Future<Instance>> made = new ArrayList<>();
        for (Machine m : machines) made.add(pool.submit(() -> driver.create(m, JobContext.none())));
        List<Machine> refs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instance inst = made.get(i).get();
            if (inst.ip() == null) throw new AssertionError("no address: " + inst);
            refs.add(machines.get(i).withRef(inst.ref()));
        }
        int calls1 = fake.calls.get();
        List<Future<?>> gone = new ArrayList<>();
        for (Machine m : refs) gone.add(pool.submit(() -> driver.destroy(m, JobContext.none())));
        for (Future<?> f : gone) f.get();
        int calls2 = fake.calls.get();
        long cpu = processCpu() - endpointCpu(fake) - cpu0;
        if (fake.droplets.count() != 0) throw new AssertionError("droplets left: " + fake.droplets.count());
        return new Result(calls1 - calls0, calls2 - calls1, cpu, System.nanoTime() - wall0);
    }

    /** CPU so far per thread group (name without its number), to see where ops's share goes. */
    private static void threads() {
        var mx = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> by = new java.util.TreeMap<>();
        for (var info : mx.dumpAllThreads(false, false)) {
            long cpu = mx.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) by.merge(info.getThreadName().replaceAll("[-#]?\\d+", "#"), cpu, Long::sum);
        }
        by.forEach((name, cpu) -> System.err.printf("%-50s %8.1f ms%n", name, cpu / 1e6));
    }

    /** The endpoint's CPU: its handlers and the JDK HttpServer's dispatcher thread (accepting, reading requests). */
    private static long endpointCpu(FakeDigitalOcean fake) {
        var mx = ManagementFactory.getThreadMXBean();
        long dispatcher = 0;
        for (var info : mx.dumpAllThreads(false, false)) {
            if (info.getThreadName().startsWith("HTTP-Dispatcher")) dispatcher += Math.max(0, mx.getThreadCpuTime(info.getThreadId()));
        }
        return fake.cpuNanos.get() + dispatcher;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}

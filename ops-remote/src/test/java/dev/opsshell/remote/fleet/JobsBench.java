package dev.opsshell.remote.fleet;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverProvider;
import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.fleet.Fleet;
import dev.opsshell.core.fleet.JobResults;
import dev.opsshell.core.fleet.Template;
import dev.opsshell.core.job.JobQueue;
import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.job.Provisioner;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.Size;
import dev.opsshell.core.system.Type;
import dev.opsshell.core.transport.Prompter;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * scripts/bench-jobs: create → stop → start → destroy for N systems on libvirt's test hypervisor
 * through the durable job queue, on the store given (an SQLite file or a PostgreSQL JDBC URL).
 * Per phase: wall time, jobs per second, and where a job's time goes: waiting in the queue,
 * inside the driver, and the rest (the queue's and the store's own work), plus the process's CPU
 * per job. Prints one markdown table row per phase.
 */
public final class JobsBench {
    public static void main(String[] args) throws Exception {
        String store = args[0];
        int n = Integer.parseInt(args[1]);
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        String label = args.length > 3 ? args[3] : store.startsWith("jdbc:postgresql") ? "postgresql" : "sqlite";
        DriverSection kvm = DriverSection.of("kvm", Map.of("uri", "test:///default"));
        Timed driver = new Timed(new Drivers().of(kvm));
        StoreLocation at = StoreLocation.resolve(store);
        try (Fleet fleet = new Fleet(JdbcStore.open(at), new Drivers(List.of(driver.provider())), Provisioner.NONE,
                new JobQueue.Options(workers, Duration.ofMillis(500), Duration.ofSeconds(2)), () -> Prompter.NONE)) {
            String type = "bench" + Long.toString(System.nanoTime() % 100000, 36);
            phase(label, "create", n, driver, () -> fleet.create(Template.of(kvm, Size.TINY, Type.named(type)), n));
            phase(label, "stop", n, driver, () -> fleet.systems().typed(type).stop(Duration.ofSeconds(5)));
            phase(label, "start", n, driver, () -> fleet.systems().typed(type).start());
            phase(label, "destroy", n, driver, () -> fleet.systems().typed(type).forced().destroy());
        }
    }

    private static void phase(String label, String name, int n, Timed driver, Supplier<JobResults> work) {
        driver.nanos.set(0);
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        JobResults r = work.get();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpuMs = (cpu() - cpu0) / 1e6;
        if (!r.allSucceeded() || r.jobs().size() != n) throw new IllegalStateException(name + ": " + r);
        double queued = 0, inJob = 0;
        for (JobRecord j : r.jobs()) {
            queued += Duration.between(j.created(), j.started()).toNanos() / 1e6;
            inJob += Duration.between(j.started(), j.finished()).toNanos() / 1e6;
        }
        double inDriver = driver.nanos.get() / 1e6;
        System.out.printf("| %s | %s | %d | %.2f s | %.0f | %.1f ms | %.2f ms | %.2f ms | %.2f ms |%n", label, name, n, wall,
                n / wall, queued / n, inDriver / n, (inJob - inDriver) / n, cpuMs / n);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The real driver, with the time spent inside it summed. */
    static final class Timed implements Driver {
        final Driver real;
        final AtomicLong nanos = new AtomicLong();

        Timed(Driver real) {
            this.real = real;
        }

        DriverProvider provider() {
            return new DriverProvider() {
                public String kind() {
                    return real.kind();
                }

                public Driver open(DriverSection section) {
                    return Timed.this;
                }
            };
        }

        private <T> T time(Supplier<T> call) {
            long t0 = System.nanoTime();
            try {
                return call.get();
            } finally {
                nanos.addAndGet(System.nanoTime() - t0);
            }
        }

        public String kind() {
            return real.kind();
        }

        public Instance create(Machine m, JobContext job) {
            return time(() -> real.create(m, job));
        }

        public void start(Machine m, JobContext job) {
            time(() -> { real.start(m, job); return null; });
        }

        public void stop(Machine m, Duration graceful, JobContext job) {
            time(() -> { real.stop(m, graceful, job); return null; });
        }

        public void reboot(Machine m, JobContext job) {
            time(() -> { real.reboot(m, job); return null; });
        }

        public Instance status(Machine m) {
            return time(() -> real.status(m));
        }

        public String address(Machine m, Duration wait, JobContext job) {
            return time(() -> real.address(m, wait, job));
        }

        public void destroy(Machine m, JobContext job) {
            time(() -> { real.destroy(m, job); return null; });
        }

        public List<Instance> list() {
            return time(real::list);
        }
    }
}

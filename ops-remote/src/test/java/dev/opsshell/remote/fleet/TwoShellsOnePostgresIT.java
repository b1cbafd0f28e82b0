package dev.opsshell.remote.fleet;

import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.fleet.Batch;
import dev.opsshell.core.fleet.Fleet;
import dev.opsshell.core.fleet.JobResults;
import dev.opsshell.core.fleet.Template;
import dev.opsshell.core.job.JobKind;
import dev.opsshell.core.job.JobQueue;
import dev.opsshell.core.job.Provisioner;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.system.Size;
import dev.opsshell.core.system.Type;
import dev.opsshell.core.testing.PostgresLab;
import dev.opsshell.core.transport.Prompter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two shells on one PostgreSQL store: every job runs exactly once, and never two on one system
 * at once, whichever shell's scheduler picks it (db-scheduler's lock-and-fetch plus the store's
 * system claims). Both shells drive libvirt's test hypervisor, which this JVM shares.
 */
class TwoShellsOnePostgresIT {
    @Test
    void everyJobRunsOnceAndNeverTwoOnOneSystem() throws Exception {
        LibvirtAvailable.require();
        String url = PostgresLab.freshDatabase(getClass());
        Set<String> busy = ConcurrentHashMap.newKeySet();
        WatchedDriver a = new WatchedDriver(new Drivers().of(FleetJobsIT.KVM), busy);
        WatchedDriver b = new WatchedDriver(new Drivers().of(FleetJobsIT.KVM), busy);
        JobQueue.Options options = new JobQueue.Options(4, Duration.ofMillis(100), Duration.ofSeconds(1));
        try (Fleet shellA = new Fleet(JdbcStore.open(StoreLocation.resolve(url)), new Drivers(List.of(a.provider())),
                Provisioner.NONE, options, () -> Prompter.NONE);
             Fleet shellB = new Fleet(JdbcStore.open(StoreLocation.resolve(url)), new Drivers(List.of(b.provider())),
                     Provisioner.NONE, options, () -> Prompter.NONE)) {
            JobResults made = shellA.create(Template.of(FleetJobsIT.KVM, Size.TINY, Type.named("pg")), 6);
            assertTrue(made.allSucceeded(), made.toString());
            int rounds = 3;
            for (int round = 0; round < rounds; round++) {
                // the same systems, from both shells at once: stop from A, reboot from B
                Batch stops = shellA.systems().typed("pg").async(JobKind.STOP);
                Batch reboots = shellB.systems().typed("pg").async(JobKind.REBOOT);
                JobResults s = stops.await(Duration.ofMinutes(2));
                JobResults r = reboots.await(Duration.ofMinutes(2));
                assertEquals(6, s.jobs().size());
                assertEquals(6, r.jobs().size());
                assertTrue(s.jobs().stream().allMatch(j -> j.status().finished()), s.toString());
                assertTrue(r.jobs().stream().allMatch(j -> j.status().finished()), r.toString());
            }
            List<String> calls = new java.util.ArrayList<>(a.calls);
            calls.addAll(b.calls);
            assertEquals(6 * rounds, calls.stream().filter(c -> c.startsWith("stop ")).count(), "stop calls: " + calls);
            assertEquals(6 * rounds, calls.stream().filter(c -> c.startsWith("reboot ")).count(), "reboot calls: " + calls);
            assertTrue(a.overlaps.isEmpty() && b.overlaps.isEmpty(), "two jobs on one system at once: " + a.overlaps + b.overlaps);
        }
    }
}

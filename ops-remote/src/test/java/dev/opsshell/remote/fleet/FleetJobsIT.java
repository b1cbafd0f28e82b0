package dev.opsshell.remote.fleet;

import dev.opsshell.core.OpsException;
import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.fleet.Batch;
import dev.opsshell.core.fleet.ConvergePlan;
import dev.opsshell.core.fleet.Fleet;
import dev.opsshell.core.fleet.JobResults;
import dev.opsshell.core.fleet.Systems;
import dev.opsshell.core.fleet.Template;
import dev.opsshell.core.job.JobEvents;
import dev.opsshell.core.job.JobKind;
import dev.opsshell.core.job.JobQueue;
import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.job.JobStats;
import dev.opsshell.core.job.JobStatus;
import dev.opsshell.core.job.Provisioner;
import dev.opsshell.core.job.Transition;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.Size;
import dev.opsshell.core.system.Type;
import dev.opsshell.core.transport.Prompter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job engine end to end: db-scheduler on a real SQLite store, the real kvm driver on
 * libvirt's test hypervisor seen through {@link WatchedDriver}. Lifecycle, transitions, one job
 * per system, partial failure, confirmation, converge, sync.
 */
class FleetJobsIT {
    static final DriverSection KVM = DriverSection.of("kvm", Map.of("uri", "test:///default"));

    @TempDir
    Path dir;
    WatchedDriver kvm;
    Fleet fleet;
    volatile Optional<String> answer = Optional.empty();

    @BeforeEach
    void open() {
        LibvirtAvailable.require();
        kvm = new WatchedDriver(new Drivers().of(KVM));
        fleet = new Fleet(JdbcStore.open(StoreLocation.sqlite(dir.resolve("ops.db"))), new Drivers(List.of(kvm.provider())),
                Provisioner.NONE, new JobQueue.Options(4, Duration.ofMillis(200), Duration.ofSeconds(1)),
                () -> new Prompter() {
                    public Optional<char[]> secret(String prompt) {
                        return Optional.empty();
                    }

                    public Optional<String> line(String prompt) {
                        return answer;
                    }
                });
    }

    @AfterEach
    void close() {
        if (fleet != null) fleet.close();
    }

    private JobResults create(String type, int n) {
        return fleet.create(Template.of(KVM, Size.TINY, Type.named(type)), n);
    }

    @Test
    void createRecordsEveryMachineAndEveryTransition() {
        JobResults r = create("web", 3);
        assertTrue(r.allSucceeded(), r.toString());
        Systems web = fleet.systems().typed("web");
        assertEquals(List.of("web-1", "web-2", "web-3"), web.list().stream().map(Machine::hostname).sorted().toList());
        for (Machine m : web.list()) {
            assertEquals(MachineState.RUNNING, m.state(), m.toString());
            assertTrue(m.ref() != null && kvm.real.status(m).state() == InstanceState.RUNNING, m.toString());
            List<Transition> t = fleet.store().transitions(m.id());
            assertEquals(List.of("NEW>CREATING", "CREATING>RUNNING"), t.stream().map(x -> x.from() + ">" + x.to()).toList());
            assertTrue(t.stream().allMatch(x -> x.kind() == JobKind.CREATE && "kvm".equals(x.driver()) && !x.failed()));
        }
        JobStats.Row row = fleet.stats().rows().get(0);
        assertEquals(JobKind.CREATE, row.kind());
        assertEquals(3, row.count());
        assertEquals(1.0, row.successRate());
        assertEquals(0, r.exitCode());
    }

    @Test
    void jobsArePipelineStagesOnTheSystemsThatSucceeded() {
        create("redis", 2);
        JobResults started = fleet.systems().typed("redis").stop().start();
        assertTrue(started.allSucceeded(), started.toString());
        assertEquals(2, started.jobs().size());
        assertEquals(List.of("stop redis-1", "stop redis-2", "start redis-1", "start redis-2"),
                kvm.calls.stream().filter(c -> !c.startsWith("create")).sorted((a, b) -> {
                    int byVerb = Boolean.compare(a.startsWith("start"), b.startsWith("start"));
                    return byVerb != 0 ? byVerb : a.compareTo(b);
                }).toList());
        assertTrue(kvm.calls.indexOf("start redis-1") > Math.max(kvm.calls.indexOf("stop redis-1"), kvm.calls.indexOf("stop redis-2")),
                "the next stage starts after the previous one ended: " + kvm.calls);
        assertEquals(2, fleet.systems().typed("redis").running().size());
        List<String> ids = fleet.systems().typed("redis").ids();
        JobResults gone = fleet.systems().typed("redis").forced().destroy();
        assertTrue(gone.allSucceeded(), gone.toString());
        assertTrue(gone.toString().contains("redis-1 (record gone)"), "a destroyed system is still named: " + gone);
        assertTrue(fleet.systems().isEmpty());
        // the test hypervisor is shared by the whole JVM (other tests' machines, its own 'test' domain)
        assertTrue(kvm.real.list().stream().noneMatch(i -> ids.contains(i.systemId())),
                "the driver has none of them left: " + kvm.real.list());
    }

    @Test
    void twoJobsNeverActOnOneSystemAtOnce() throws Exception {
        create("db", 1);
        Machine db = fleet.systems().typed("db").list().get(0);
        kvm.hold("stop", "db-1");
        Systems one = fleet.systems().id(db.id());
        Batch stop = one.async(JobKind.STOP);
        assertTrue(kvm.awaitReached("stop", "db-1", Duration.ofSeconds(30)), "the stop job never reached the driver");
        CountDownLatch startWaited = new CountDownLatch(1);
        fleet.queue().events().listen(new JobEvents.Listener() {
            public void step(String jobId, String step) {
                if (step.startsWith("waiting: system " + db.id())) startWaited.countDown();
            }
        });
        Batch start = one.async(JobKind.START);
        assertTrue(startWaited.await(30, TimeUnit.SECONDS), "the start job never found the system held");
        assertFalse(kvm.calls.contains("start db-1"), "start ran while stop held the system: " + kvm.calls);
        assertEquals(JobStatus.QUEUED, start.jobs().get(0).status());
        kvm.release("stop", "db-1");
        assertTrue(stop.await(Duration.ofSeconds(30)).allSucceeded());
        JobResults started = start.await(Duration.ofSeconds(30));
        assertTrue(started.allSucceeded(), started.toString());
        assertTrue(kvm.overlaps.isEmpty(), "overlapping calls: " + kvm.overlaps);
        assertTrue(kvm.calls.indexOf("start db-1") > kvm.calls.indexOf("stop db-1"));
        assertTrue(fleet.store().holder(db.id()).isEmpty(), "the claim was released");
    }

    @Test
    void aQueuedJobCancelledNeverRunsAndARunningOneStops() throws Exception {
        create("db", 1);
        Machine db = fleet.systems().typed("db").list().get(0);
        kvm.hold("stop", "db-1");
        Systems one = fleet.systems().id(db.id());
        Batch stop = one.async(JobKind.STOP);
        assertTrue(kvm.awaitReached("stop", "db-1", Duration.ofSeconds(30)));
        Batch reboot = one.async(JobKind.REBOOT);  // queued behind the held stop
        String rebootJob = reboot.jobs().get(0).id();
        assertTrue(fleet.queue().cancel(rebootJob).contains("cancelled before it started"));
        String said = fleet.queue().cancel(stop.jobs().get(0).id());
        assertTrue(said.contains("told to stop"), said);
        JobRecord stopped = stop.await(Duration.ofSeconds(30)).jobs().get(0);
        assertEquals(JobStatus.CANCELLED, stopped.status(), stopped.toString());
        assertEquals(JobStatus.CANCELLED, fleet.store().job(rebootJob).orElseThrow().status());
        // the cancelled reboot never reaches the driver, now that the system is free
        Batch after = one.async(JobKind.START);
        after.await(Duration.ofSeconds(30));
        assertFalse(kvm.calls.contains("reboot db-1"), kvm.calls.toString());
        assertTrue(fleet.store().holder(db.id()).isEmpty());
    }

    @Test
    void closingTheShellRecordsItsRunningJobsInterruptedAndReadsTheirMachinesBack() throws Exception {
        create("db", 1);
        Machine db = fleet.systems().typed("db").list().get(0);
        kvm.hold("stop", "db-1");
        Batch stop = fleet.systems().id(db.id()).async(JobKind.STOP);
        assertTrue(kvm.awaitReached("stop", "db-1", Duration.ofSeconds(30)));
        String jobId = stop.jobs().get(0).id();
        fleet.close();
        fleet = null;
        try (JdbcStore store = JdbcStore.open(StoreLocation.sqlite(dir.resolve("ops.db")))) {
            JobRecord job = store.job(jobId).orElseThrow();
            assertEquals(JobStatus.INTERRUPTED, job.status(), job.toString());
            assertTrue(job.error().contains("the shell closed while it was stopping"), job.error());
            Transition last = store.transitions(db.id()).get(store.transitions(db.id()).size() - 1);
            assertEquals("interrupted: state read back from the driver", last.cause());
            assertEquals(MachineState.RUNNING, store.machine(db.id()).orElseThrow().state(), "the stop never happened");
            assertTrue(store.holder(db.id()).isEmpty());
        }
    }

    @Test
    void aFailedCreateIsDataAndTheOthersGoOn() {
        kvm.fail("create", "app-2", "no capacity left on this host (test)");
        JobResults r = create("app", 3);
        assertEquals(2, r.succeeded().size(), r.toString());
        assertEquals(1, r.failed().size());
        JobRecord failed = r.failed().get(0);
        assertEquals(JobStatus.FAILED, failed.status());
        assertTrue(failed.error().contains("no capacity left"), failed.error());
        Machine app2 = fleet.systems().named("app-2").list().get(0);
        assertEquals(MachineState.FAILED, app2.state());
        assertTrue(app2.error().contains("no capacity left"), app2.error());
        Transition last = fleet.store().transitions(app2.id()).get(1);
        assertEquals(MachineState.FAILED, last.to());
        assertTrue(last.failed());
        assertEquals(5, r.exitCode());
        assertTrue(r.toString().contains("✗") && r.toString().contains("2 ok, 1 failed"), r.toString());
        assertEquals(2, fleet.stats().rows().get(0).succeeded());
    }

    @Test
    void destroyAsksAndIsRefusedWithoutAPersonToAnswer() {
        create("tmp", 1);
        answer = Optional.empty();
        OpsException noOne = assertThrows(OpsException.class, () -> fleet.systems().destroy());
        assertTrue(noOne.getMessage().contains(".forced()"), noOne.getMessage());
        answer = Optional.of("n");
        OpsException no = assertThrows(OpsException.class, () -> fleet.systems().destroy());
        assertTrue(no.getMessage().contains("not confirmed"), no.getMessage());
        assertEquals(1, fleet.systems().size());
        assertTrue(kvm.calls.stream().noneMatch(c -> c.startsWith("destroy")));
        answer = Optional.of("y");
        assertTrue(fleet.systems().destroy().allSucceeded());
        assertTrue(fleet.systems().isEmpty());
    }

    @Test
    void convergeDoesWhatItsPlanSaysAndTwiceChangesNothing() {
        Template base = Template.of(KVM, Size.TINY);
        ConvergePlan plan = fleet.plan(base, Map.of(Type.named("web"), 3, Type.named("lb"), 1));
        assertEquals(Map.of(Type.named("web"), 3, Type.named("lb"), 1), plan.create());
        assertTrue(plan.destroy().isEmpty());
        assertTrue(plan.apply().allSucceeded());
        assertEquals(3, fleet.systems().typed("web").size());
        assertEquals(1, fleet.systems().typed("lb").size());
        ConvergePlan again = fleet.plan(base, Map.of(Type.named("web"), 3, Type.named("lb"), 1));
        assertTrue(again.nothingToDo(), again.toString());
        int callsBefore = kvm.calls.size();
        assertTrue(again.apply().jobs().isEmpty());
        assertEquals(callsBefore, kvm.calls.size(), "applying an empty plan called the driver");

        ConvergePlan down = fleet.plan(base, Map.of(Type.named("web"), 1));
        assertEquals(2, down.destroy().size());
        assertTrue(down.toString().contains("- destroy"), down.toString());
        assertThrows(OpsException.class, down::apply);  // asks, and no one answers
        assertTrue(down.forced().apply().allSucceeded());
        assertEquals(List.of("web-1"), fleet.systems().typed("web").list().stream().map(Machine::hostname).toList());
    }

    @Test
    void syncFlagsAMachineDeletedBehindTheStoresBackAndImportsAStranger() {
        create("web", 2);
        Machine gone = fleet.systems().named("web-2").list().get(0);
        kvm.real.destroy(gone, JobContext.none());  // behind the store's back
        Machine stranger = new Machine("zstranger1", "stranger", null, null, null, 1, 512, List.of(), null, null,
                java.util.Set.of(), MachineState.NEW, KVM, null, null, null);
        kvm.real.create(stranger, JobContext.none());  // made at the driver, never recorded

        JobResults synced = fleet.sync(KVM);
        assertTrue(synced.allSucceeded(), synced.toString());
        Machine after = fleet.store().machine(gone.id()).orElseThrow();
        assertEquals(MachineState.MISSING, after.state());
        Transition t = fleet.store().transitions(gone.id()).get(fleet.store().transitions(gone.id()).size() - 1);
        assertEquals("sync: gone at the driver", t.cause());
        Machine imported = fleet.store().machine("zstranger1").orElseThrow(() -> new AssertionError(fleet.systems().toString()));
        assertEquals(MachineState.RUNNING, imported.state());
        assertEquals(MachineState.RUNNING, fleet.systems().named("web-1").list().get(0).state());
        int afterFirst = fleet.systems().size();
        assertTrue(afterFirst >= 3, fleet.systems().toString());
        int transitions = fleet.store().transitions().size();
        assertTrue(fleet.sync(KVM).allSucceeded());
        assertEquals(afterFirst, fleet.systems().size(), "a second sync imports nothing twice");
        assertEquals(transitions, fleet.store().transitions().size(), "a second sync changes nothing");
    }

    @Test
    void anUnknownIdIsAClearError() {
        create("web", 1);
        OpsException e = assertThrows(OpsException.class, () -> fleet.store().resolve("zzzz"));
        assertTrue(e.getMessage().contains("systems()"), e.getMessage());
    }
}

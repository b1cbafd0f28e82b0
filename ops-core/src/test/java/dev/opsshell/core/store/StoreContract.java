package dev.opsshell.core.store;

import dev.opsshell.core.job.JobKind;
import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.job.JobStatus;
import dev.opsshell.core.job.Transition;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.ProvisionStep;
import dev.opsshell.core.system.Type;
import dev.opsshell.core.system.Volume;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link Store} does, whatever the database: each method round-trips every field,
 * writes that change two things change both or neither, claims let exactly one job in, and two
 * store instances on one database (two shells) see each other's claims. Subclasses give a fresh,
 * empty database per test and a second store on the same one.
 */
public abstract class StoreContract {
    protected Store store;

    /** A store on a fresh, empty database. */
    protected abstract Store openFresh() throws Exception;

    /** A second, independent store instance on the database {@link #openFresh()} made last (another shell). */
    protected abstract Store openSecond() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
    }

    static final Instant T0 = Instant.parse("2026-12-01T10:15:30.123456789Z");

    static Machine machine(String id, String hostname) {
        return new Machine(id, hostname, "lab.example", "debian", "debian-12", 2, 2048,
                List.of(new Volume("data", 20), new Volume("logs_1", 5)), "10.0.0.7", "redis",
                Set.of("blue", "prod"), MachineState.RUNNING,
                DriverSection.of("kvm", Map.of("uri", "qemu:///system", "pool", "default", "image", "debian-12.qcow2")),
                "ops-" + id, null, T0);
    }

    static Transition transition(String systemId, MachineState from, MachineState to, String jobId) {
        return new Transition(0, systemId, from, to, jobId, JobKind.START, "kvm", "start", T0, Duration.ofMillis(1234), null);
    }

    // ---- machines

    @Test
    void aMachineReadsBackWithEveryField() {
        Machine m = machine("a1b2c3d4e5", "rédis-01-東京");
        store.insert(m);
        assertEquals(m, store.machine("a1b2c3d4e5").orElseThrow());
        assertEquals(List.of(m), store.machines());
    }

    @Test
    void aMachineWithOnlyItsRequiredFieldsReadsBackWithTheEmptyOnesEmpty() {
        Machine bare = new Machine("b0", "bare", null, null, null, 1, 512, List.of(), null, null, Set.of(),
                MachineState.NEW, DriverSection.of("physical", Map.of()), null, null, T0);
        store.insert(bare);
        assertEquals(bare, store.machine("b0").orElseThrow());
    }

    @Test
    void anUnknownMachineIsEmpty() {
        assertTrue(store.machine("nope").isEmpty());
        assertEquals(List.of(), store.machines());
    }

    @Test
    void aMachineInsertedTwiceIsRefusedAndTheFirstKept() {
        Machine m = machine("dup0000001", "first");
        store.insert(m);
        StoreException e = assertThrows(StoreException.class, () -> store.insert(machine("dup0000001", "second")));
        assertTrue(e.getMessage().contains("dup0000001 is already in the store"), e.getMessage());
        assertEquals("first", store.machine("dup0000001").orElseThrow().hostname());
    }

    @Test
    void anUpdateChangesEveryField() {
        store.insert(machine("u1", "before"));
        Machine after = new Machine("u1", "after", "other.example", "root", "alma-9", 8, 8192,
                List.of(new Volume("scratch", 100)), "192.168.1.9", "web", Set.of("canary"), MachineState.STOPPED,
                DriverSection.of("physical", Map.of("mac", "52:54:00:12:34:56", "broadcast", "192.168.1.255")),
                "rack-3", "ssh: connection refused", T0.plusSeconds(60));
        store.update(after);
        assertEquals(after, store.machine("u1").orElseThrow());
    }

    @Test
    void anUpdateOfAMachineNotInTheStoreSaysSo() {
        StoreException e = assertThrows(StoreException.class, () -> store.update(machine("ghost", "ghost")));
        assertTrue(e.getMessage().contains("ghost is not in the store"), e.getMessage());
        assertTrue(store.machine("ghost").isEmpty());
    }

    @Test
    void anUpdateWithItsTransitionWritesBoth() {
        Machine m = machine("t1", "web1").withState(MachineState.STOPPED);
        store.insert(m);
        store.update(m.withState(MachineState.RUNNING), transition("t1", MachineState.STOPPED, MachineState.RUNNING, "j1"));
        assertEquals(MachineState.RUNNING, store.machine("t1").orElseThrow().state());
        List<Transition> ts = store.transitions("t1");
        assertEquals(1, ts.size());
        assertEquals(MachineState.STOPPED, ts.get(0).from());
        assertEquals(MachineState.RUNNING, ts.get(0).to());
    }

    @Test
    void anUpdateWhoseTransitionCannotBeStoredWritesNeither() {
        Machine m = machine("t2", "web2").withState(MachineState.STOPPED);
        store.insert(m);
        // a transition without a target state breaks the table's NOT NULL: the machine's update must roll back
        Transition broken = new Transition(0, "t2", MachineState.STOPPED, null, "j2", JobKind.START, "kvm", "start",
                T0, Duration.ZERO, null);
        assertThrows(StoreException.class, () -> store.update(m.withState(MachineState.RUNNING).withIp("10.9.9.9"), broken));
        assertEquals(m, store.machine("t2").orElseThrow());
        assertEquals(List.of(), store.transitions("t2"));
    }

    @Test
    void aDeletedMachineIsGoneAndItsTransitionsStay() {
        store.insert(machine("d1", "gone"));
        store.insert(transition("d1", MachineState.RUNNING, MachineState.DESTROYED, "j3"));
        assertTrue(store.delete("d1"));
        assertTrue(store.machine("d1").isEmpty());
        assertEquals(1, store.transitions("d1").size());
        assertFalse(store.delete("d1"));
    }

    // ---- resolve

    @Test
    void aUniquePrefixOrAWholeIdResolves() {
        store.insert(machine("a1b000", "one"));
        store.insert(machine("a7f000", "two"));
        store.insert(machine("a7f0001", "three"));
        assertEquals("one", store.resolve("a1").hostname());
        assertEquals("one", store.resolve(" a1b000 ").hostname());
        // the whole id wins even when it is also the start of another id, as in git
        assertEquals("two", store.resolve("a7f000").hostname());
    }

    @Test
    void aPrefixMatchingNothingSaysHowToListTheSystems() {
        store.insert(machine("a1b000", "one"));
        StoreException e = assertThrows(StoreException.class, () -> store.resolve("zz"));
        assertEquals("no system with an id starting 'zz'; `systems()` lists them", e.getMessage());
        // SQLite's LIKE ignores case; the resolve must not
        assertThrows(StoreException.class, () -> store.resolve("A1"));
        assertThrows(StoreException.class, () -> store.resolve("%"));
    }

    @Test
    void anAmbiguousPrefixNamesTheMatchesAndAsksForMore() {
        store.insert(machine("a1b000", "one"));
        store.insert(machine("a7f000", "two"));
        store.insert(machine("a7e000", "three"));
        StoreException e = assertThrows(StoreException.class, () -> store.resolve("a"));
        assertEquals("'a' matches 3 systems (a1…, a7e…, a7f…): type more of the id", e.getMessage());
        assertThrows(StoreException.class, () -> store.resolve(""));
    }

    @Test
    void anAmbiguousPrefixShowsFiveMatchesAtMost() {
        for (int i = 0; i < 7; i++) store.insert(machine("c" + i + "x", "m" + i));
        StoreException e = assertThrows(StoreException.class, () -> store.resolve("c"));
        assertEquals("'c' matches 7 systems (c0…, c1…, c2…, c3…, c4…, …): type more of the id", e.getMessage());
    }

    // ---- types

    @Test
    void aTypeReadsBackWithEveryKindOfStep() {
        Type t = Type.named("redis").describedAs("cache — Übergröße")
                .then(new ProvisionStep.Script("scripts/redis.sh"))
                .then(new ProvisionStep.Upload("conf/redis.conf", "/etc/redis/redis.conf"))
                .then(new ProvisionStep.Recipe("recipes/redis.jsh"))
                .then(new ProvisionStep.Command("systemctl restart redis-server"))
                .provisionAs("deploy", "~/.ssh/id_ed25519");
        store.save(t);
        assertEquals(t, store.type("redis").orElseThrow());
        assertTrue(store.type("nope").isEmpty());
    }

    @Test
    void aTypeSavedAgainIsReplacedAndTypesAreListedByName() {
        store.save(Type.named("web").describedAs("old"));
        store.save(Type.named("db"));
        Type replaced = Type.named("web").describedAs("new").then(new ProvisionStep.Command("true"));
        store.save(replaced);
        assertEquals(List.of(Type.named("db"), replaced), store.types());
    }

    // ---- jobs

    static JobRecord job(String id, String batch, JobStatus status, Instant created) {
        return new JobRecord(id, batch, JobKind.STOP, "s1", status, Map.of("grace", "30s", "reason", "patch → reboot"),
                "shell-1", "kvm", created, null, null, null);
    }

    @Test
    void aJobReadsBackWithEveryFieldAndAnUpdateChangesThem() {
        JobRecord j = job("j1", "b1", JobStatus.QUEUED, T0);
        store.insert(j);
        assertEquals(j, store.job("j1").orElseThrow());
        JobRecord done = j.with(JobStatus.FAILED, T0.plusMillis(5), T0.plusSeconds(3), "libvirt: domain not found").ownedBy("shell-2");
        store.update(done);
        assertEquals(done, store.job("j1").orElseThrow());
        assertTrue(store.job("nope").isEmpty());
        assertThrows(StoreException.class, () -> store.update(job("nope", "b", JobStatus.QUEUED, T0)));
    }

    @Test
    void aConditionalJobUpdateWritesOnlyWhileTheStatusIsTheExpectedOne() {
        JobRecord queued = job("j1", "b1", JobStatus.QUEUED, T0);
        store.insert(queued);
        JobRecord cancelled = queued.with(JobStatus.CANCELLED, null, T0.plusSeconds(1), "cancelled by the operator");
        assertTrue(store.update(cancelled, JobStatus.QUEUED));
        // a worker that read the job as queued loses the race: the cancel stays
        assertFalse(store.update(queued.with(JobStatus.RUNNING, T0.plusSeconds(2), null, null), JobStatus.QUEUED));
        assertEquals(cancelled, store.job("j1").orElseThrow());
        assertFalse(store.update(job("nope", "b1", JobStatus.RUNNING, T0), JobStatus.QUEUED));
    }

    @Test
    void jobsAreListedNewestFirstByStatusAndByBatch() {
        store.insert(job("j1", "b1", JobStatus.SUCCEEDED, T0));
        store.insert(job("j2", "b1", JobStatus.RUNNING, T0.plusSeconds(1)));
        store.insert(job("j3", "b2", JobStatus.QUEUED, T0.plusSeconds(2)));
        assertEquals(List.of("j3", "j2"), ids(store.jobs(2)));
        assertEquals(List.of("j3", "j2", "j1"), ids(store.jobs(10)));
        assertEquals(List.of("j2", "j3"), ids(store.jobs(List.of(JobStatus.QUEUED, JobStatus.RUNNING))));
        assertEquals(List.of(), ids(store.jobs(List.of())));
        assertEquals(List.of("j1", "j2"), ids(store.batch("b1")));
        // a job without a creation time sorts after the dated ones on both databases (their NULL orders differ)
        store.insert(job("j0", "b1", JobStatus.QUEUED, null));
        assertEquals(List.of("j3", "j2", "j1", "j0"), ids(store.jobs(10)));
        assertEquals(List.of("j3", "j0"), ids(store.jobs(List.of(JobStatus.QUEUED))));
        assertEquals(List.of("j1", "j2", "j0"), ids(store.batch("b1")));
        assertEquals(List.of(), ids(store.batch("none")));
    }

    private static List<String> ids(List<JobRecord> jobs) {
        return jobs.stream().map(JobRecord::id).toList();
    }

    // ---- transitions

    @Test
    void transitionsReadBackOldestFirstWithTheirIds() {
        Transition first = store.insert(transition("s1", MachineState.NEW, MachineState.CREATING, "j1"));
        Transition failed = store.insert(new Transition(0, "s1", MachineState.CREATING, MachineState.FAILED, "j1",
                JobKind.CREATE, "kvm", "create", T0.plusSeconds(1), Duration.ofMillis(90_500), "pool 'default' is full"));
        store.insert(transition("s2", null, MachineState.RUNNING, null));
        assertTrue(first.id() > 0 && failed.id() > first.id(), first.id() + " then " + failed.id());
        assertEquals(List.of(first, failed), store.transitions("s1"));
        List<Transition> all = store.transitions();
        assertEquals(3, all.size());
        assertEquals(first, all.get(0));
        assertEquals(failed, all.get(1));
        assertEquals("s2", all.get(2).systemId());
        assertTrue(all.get(1).failed());
    }

    // ---- claims

    @Test
    void aClaimLetsOneJobInUntilItReleases() {
        assertTrue(store.holder("s1").isEmpty());
        assertTrue(store.claim("s1", "job-a"));
        assertTrue(store.claim("s1", "job-a"), "the holder claiming again gets true");
        assertFalse(store.claim("s1", "job-b"));
        assertEquals("job-a", store.holder("s1").orElseThrow());
        store.release("s1", "job-b");
        assertEquals("job-a", store.holder("s1").orElseThrow(), "another job's release leaves the claim");
        assertTrue(store.claim("s2", "job-b"), "claims are per system");
        store.release("s1", "job-a");
        assertTrue(store.holder("s1").isEmpty());
        assertTrue(store.claim("s1", "job-b"));
    }

    @Test
    void eightThreadsOnTwoStoresClaimingOneSystemLetExactlyOneJobIn() throws Exception {
        try (Store second = openSecond()) {
            for (int round = 0; round < 5; round++) {
                String system = "race" + round;
                List<Callable<Boolean>> claimers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Store s = i % 2 == 0 ? store : second;
                    String job = "job-" + i;
                    claimers.add(() -> s.claim(system, job));
                }
                List<Boolean> won = runTogether(claimers);
                assertEquals(1, won.stream().filter(w -> w).count(), "round " + round + ": " + won);
                String holder = store.holder(system).orElseThrow();
                assertEquals(holder, second.holder(system).orElseThrow());
                assertTrue(won.get(Integer.parseInt(holder.substring(4))), "the winner is the holder " + holder);
            }
        }
    }

    @Test
    void aSecondStoreOnTheSameDatabaseSeesTheFirstOnesWrites() throws Exception {
        try (Store second = openSecond()) {
            store.insert(machine("shared1", "shared"));
            assertEquals("shared", second.resolve("shared").hostname());
            assertEquals(store.dialect(), second.dialect());
        }
    }

    // ---- the job queue's own table

    @Test
    void dbSchedulerRunsATaskFromTheStoresOwnDatabase() {
        java.util.Set<String> ran = java.util.concurrent.ConcurrentHashMap.newKeySet();
        com.github.kagkarlsson.scheduler.task.helper.OneTimeTask<Void> task =
                com.github.kagkarlsson.scheduler.task.helper.Tasks.oneTime("store-contract").execute((instance, ctx) -> ran.add(instance.getId()));
        com.github.kagkarlsson.scheduler.Scheduler scheduler = com.github.kagkarlsson.scheduler.Scheduler
                .create(store.dataSource(), List.of(task))
                .pollingInterval(Duration.ofMillis(200))
                .pollUsingFetchAndLockOnExecute(0.5, 1.0)
                .threads(2)
                .build();
        scheduler.start();
        try {
            scheduler.schedule(task.instance("one"), Instant.now());
            scheduler.schedule(task.instance("two"), Instant.now());
            Await.until(Duration.ofSeconds(30), "db-scheduler to run both tasks", () -> ran.size() == 2);
        } finally {
            scheduler.stop();
        }
    }

    /** Runs the tasks on their own threads, released at once, and returns their answers in order. */
    static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS), "the threads did not start");
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get(60, TimeUnit.SECONDS));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.opsshell.core.fleet;

import dev.opsshell.core.OpsException;
import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.job.JobKind;
import dev.opsshell.core.job.JobQueue;
import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.job.JobStats;
import dev.opsshell.core.job.JobStatus;
import dev.opsshell.core.job.Provisioner;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineIds;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.Type;
import dev.opsshell.core.transport.Prompter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The systems half of a shell: the store, the drivers and the job queue, and the verbs on them
 * (create, jobs on a selection, sync, converge, stats). One per shell; thread-safe.
 */
public final class Fleet implements AutoCloseable {
    private final Store store;
    private final Drivers drivers;
    private final JobQueue queue;
    private final Supplier<Prompter> prompter;
    private volatile Predicate<Machine> agentConnected = m -> false;
    /** Hostnames of the systems jobs were submitted for, so a result can name a system destroy forgot. */
    private final Map<String, String> submittedNames = new java.util.concurrent.ConcurrentHashMap<>();

    public Fleet(Store store, Drivers drivers, Provisioner provisioner, JobQueue.Options options, Supplier<Prompter> prompter) {
        this.store = store;
        this.drivers = drivers;
        try {
            this.queue = new JobQueue(store, drivers, provisioner, options);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        this.prompter = prompter;
    }

    public Store store() {
        return store;
    }

    public Drivers drivers() {
        return drivers;
    }

    public JobQueue queue() {
        return queue;
    }

    /** How the systems table knows whether a system's agent is connected (the hub tells). */
    public void agentConnected(Predicate<Machine> test) {
        agentConnected = test;
    }

    public Systems systems() {
        return new Systems(this, store.machines(), false);
    }

    /** Records {@code count} new systems from a template and creates them; waits and returns how it went. */
    public JobResults create(Template template, int count) {
        return createAsync(template, count).await();
    }

    public Batch createAsync(Template template, int count) {
        if (count < 1) throw new IllegalArgumentException("create: a count of at least 1, got " + count);
        if (template.type() != null && store.type(template.type().name()).isEmpty()) store.save(template.type());
        List<Machine> made = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        store.machines().forEach(m -> taken.add(m.hostname()));
        String stem = template.type() == null ? "vm" : template.type().name();
        int n = 1;
        for (int i = 0; i < count; i++) {
            while (taken.contains(stem + "-" + n)) n++;
            String hostname = stem + "-" + n;
            taken.add(hostname);
            Machine m = new Machine(MachineIds.next(), hostname, template.domain(), template.user(), template.os(),
                    template.size().cpu(), template.size().ramMb(), template.volumes(), null,
                    template.type() == null ? null : template.type().name(), template.tags(), MachineState.NEW,
                    template.driver(), null, null, Instant.now());
            store.insert(m);
            made.add(m);
        }
        return submit(JobKind.CREATE, new Systems(this, made, true), Map.of());
    }

    /**
     * Records a machine that exists already (a physical one, or a domain made by hand) without
     * creating anything: its state and address are read from its driver at once, and the record
     * starts with that transition ({@code added: an existing machine}).
     */
    public Machine add(String hostname, Template template) {
        Machine m = new Machine(MachineIds.next(), hostname, template.domain(), template.user(), template.os(),
                template.size().cpu(), template.size().ramMb(), template.volumes(), null,
                template.type() == null ? null : template.type().name(), template.tags(), MachineState.NEW,
                template.driver(), null, null, Instant.now());
        if (template.type() != null && store.type(template.type().name()).isEmpty()) store.save(template.type());
        Instant t0 = Instant.now();
        var instance = drivers.of(m.driver()).status(m);  // before the insert: a driver that cannot answer adds nothing
        store.insert(m);
        MachineState now = instance.state().asMachineState();
        Machine next = m.withState(now).withIp(instance.ip()).withRef(instance.exists() ? instance.ref() : null);
        store.update(next, new dev.opsshell.core.job.Transition(0, m.id(), MachineState.NEW, now, null, null,
                m.driver().kind(), "added: an existing machine", t0, Duration.between(t0, Instant.now()), null));
        return next;
    }

    /** Runs a job on every system of a selection, asking first for a destructive one, and waits. */
    public JobResults run(JobKind kind, Systems systems, Map<String, String> args) {
        return submit(kind, systems, args).await();
    }

    public Batch submit(JobKind kind, Systems systems, Map<String, String> args) {
        if (kind.destructive()) confirmDestructive(kind.word(), systems);
        systems.list().forEach(m -> submittedNames.put(m.id(), m.hostname()));
        return new Batch(this, queue.submit(kind, systems.list(), args));
    }

    /** Imports machines one driver connection has that the store does not, and flags records whose machine is gone. */
    public JobResults sync(DriverSection section) {
        return new Batch(this, queue.sync(section)).await();
    }

    /**
     * Syncs every driver connection the store's systems use, plus {@code also} (the default one),
     * each once; a connection that cannot be opened is that sync job's failure, not the others'.
     */
    public JobResults syncAll(DriverSection... also) {
        Map<Object, DriverSection> byConnection = new java.util.LinkedHashMap<>();
        List<DriverSection> sections = new ArrayList<>(List.of(also));
        store.machines().forEach(m -> sections.add(m.driver()));
        List<String> batches = new ArrayList<>();
        for (DriverSection section : sections) {
            Object connection;
            try {
                connection = drivers.of(section);
            } catch (RuntimeException e) {
                connection = section;  // queued anyway: the job records why it could not connect
            }
            if (byConnection.putIfAbsent(connection, section) == null) batches.add(queue.sync(section));
        }
        return awaitAll(batches);
    }

    public ConvergePlan plan(Template template, Map<Type, Integer> wanted) {
        return ConvergePlan.of(this, template, wanted, store.machines());
    }

    public JobStats stats() {
        return JobStats.of(store.jobs(EnumSet.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.INTERRUPTED, JobStatus.CANCELLED)));
    }

    public List<JobRecord> jobs(int limit) {
        return store.jobs(limit);
    }

    JobResults awaitAll(List<String> batches) {
        List<JobRecord> all = new ArrayList<>();
        for (String b : batches) all.addAll(new Batch(this, b).await().jobs());
        return new JobResults(this, String.join(",", batches), all);
    }

    void confirmDestructive(String what, Systems systems) {
        if (systems.force() || systems.isEmpty()) return;
        String names = String.join(", ", systems.list().stream().limit(5).map(m -> m.id() + " " + m.hostname()).toList())
                + (systems.size() > 5 ? ", …" : "");
        var answer = prompter.get().confirm(what + " " + systems.size() + " system(s): " + names + "?");
        if (answer.isEmpty()) {
            throw new OpsException(what + " needs a yes from a person at a terminal; in a script say .forced() "
                    + "(or --force on the command line)");
        }
        if (!answer.get()) throw new OpsException(what + ": not confirmed, nothing done");
    }

    /** The hostname a job was submitted for, also after its record was forgotten (destroy, clear). */
    String submittedName(String id) {
        return submittedNames.get(id);
    }

    String table(List<Machine> machines) {
        return MachineTable.render(machines, agentConnected);
    }

    @Override
    public void close() {
        queue.close();
        drivers.close();
        store.close();
    }
}

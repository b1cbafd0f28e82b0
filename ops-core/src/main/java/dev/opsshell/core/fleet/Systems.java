package dev.opsshell.core.fleet;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.job.JobKind;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.Type;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A selection of managed systems: narrowed by filters that read as words, then acted on by jobs
 * that are pipeline stages ({@code systems().typed("redis").stop().start()}), or turned into hosts
 * for every remote operation ({@code systems().typed("redis").hosts().exec("redis-cli ping")}).
 * Destructive jobs ask at a terminal; {@code forced()} goes ahead without asking (scripts).
 */
public record Systems(Fleet fleet, List<Machine> list, boolean force) {
    public Systems {
        list = List.copyOf(list);
    }

    // ---- filters

    public Systems where(Predicate<Machine> test) {
        return new Systems(fleet, list.stream().filter(test).toList(), force);
    }

    public Systems typed(String type) {
        return where(m -> type.equals(m.type()));
    }

    public Systems typed(Type type) {
        return typed(type.name());
    }

    public Systems in(MachineState... states) {
        Set<MachineState> wanted = Set.of(states);
        return where(m -> wanted.contains(m.state()));
    }

    public Systems running() {
        return in(MachineState.RUNNING);
    }

    public Systems stopped() {
        return in(MachineState.STOPPED);
    }

    public Systems withIp() {
        return where(Machine::hasIp);
    }

    public Systems withoutIp() {
        return where(m -> !m.hasIp());
    }

    /** Systems whose id starts with {@code prefix}. */
    public Systems id(String prefix) {
        return where(m -> m.id().startsWith(prefix));
    }

    /** Systems whose hostname matches a glob ({@code web-*}). */
    public Systems named(String glob) {
        Pattern p = Pattern.compile(("\\Q" + glob + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
        return where(m -> p.matcher(m.hostname()).matches());
    }

    public Systems tagged(String tag) {
        return where(m -> m.tags().contains(tag));
    }

    public Systems driver(String kind) {
        return where(m -> m.driver().kind().equals(kind));
    }

    Systems only(Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        return where(m -> wanted.contains(m.id()));
    }

    /** The same selection, whose destructive jobs go ahead without asking. */
    public Systems forced() {
        return new Systems(fleet, list, true);
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<String> ids() {
        return list.stream().map(Machine::id).toList();
    }

    /** The systems that have an address, as hosts for remote operations (named by hostname). */
    public Hosts hosts() {
        List<Host> hosts = list.stream().filter(Machine::hasIp)
                .map(m -> new Host(m.hostname(), m.ip(), 0, m.user(), Map.of("ops_system_id", m.id()), List.of("systems")))
                .toList();
        return Hosts.of("systems", hosts);
    }

    // ---- jobs: each waits for its batch and returns how it ended

    public JobResults create() {
        return fleet.run(JobKind.CREATE, this, Map.of());
    }

    public JobResults start() {
        return fleet.run(JobKind.START, this, Map.of());
    }

    public JobResults stop() {
        return fleet.run(JobKind.STOP, this, Map.of());
    }

    /** Stops gracefully, forcing off whatever did not stop within {@code grace}. */
    public JobResults stop(Duration grace) {
        return fleet.run(JobKind.STOP, this, Map.of("grace", Long.toString(grace.toMillis())));
    }

    public JobResults reboot() {
        return fleet.run(JobKind.REBOOT, this, Map.of());
    }

    public JobResults provision() {
        return fleet.run(JobKind.PROVISION, this, Map.of());
    }

    public JobResults reload() {
        return fleet.run(JobKind.RELOAD, this, Map.of());
    }

    public JobResults destroy() {
        return fleet.run(JobKind.DESTROY, this, Map.of());
    }

    /** Forgets the records, leaving the machines as they are. */
    public JobResults clear() {
        return fleet.run(JobKind.CLEAR, this, Map.of());
    }

    /** Queues a job for every system and returns at once; {@code .await()} waits for it. */
    public Batch async(JobKind kind) {
        return fleet.submit(kind, this, Map.of());
    }

    @Override
    public String toString() {
        return fleet.table(list);
    }
}

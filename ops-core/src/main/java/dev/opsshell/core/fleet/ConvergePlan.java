package dev.opsshell.core.fleet;

import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.Type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What converging to a wanted count per type would do: how many systems of each type to create,
 * and which to destroy (the newest first). {@code apply()} does exactly that and nothing else,
 * so applying a plan computed again afterwards finds nothing to do. Failed and missing records
 * do not count toward a type; they are named so the operator can destroy or clear them.
 */
public record ConvergePlan(Fleet fleet, Template template, Map<Type, Integer> create, List<Machine> destroy,
                           List<Machine> notCounted, boolean force) {
    static final Set<MachineState> COUNTED = EnumSet.of(MachineState.NEW, MachineState.CREATING,
            MachineState.RUNNING, MachineState.STOPPED);

    static ConvergePlan of(Fleet fleet, Template template, Map<Type, Integer> wanted, List<Machine> all) {
        Map<Type, Integer> create = new LinkedHashMap<>();
        List<Machine> destroy = new ArrayList<>();
        List<Machine> notCounted = new ArrayList<>();
        for (var e : wanted.entrySet()) {
            if (e.getValue() < 0) throw new IllegalArgumentException("converge: a count cannot be negative (" + e.getKey().name() + ")");
            List<Machine> ofType = all.stream().filter(m -> e.getKey().name().equals(m.type())).toList();
            List<Machine> counted = ofType.stream().filter(m -> COUNTED.contains(m.state()))
                    .sorted(Comparator.comparing(Machine::created)).toList();
            ofType.stream().filter(m -> !COUNTED.contains(m.state())).forEach(notCounted::add);
            int have = counted.size();
            if (have < e.getValue()) create.put(e.getKey(), e.getValue() - have);
            else if (have > e.getValue()) {
                List<Machine> surplus = new ArrayList<>(counted.subList(e.getValue(), have));
                java.util.Collections.reverse(surplus);  // the newest go first
                destroy.addAll(surplus);
            }
        }
        return new ConvergePlan(fleet, template, create, destroy, notCounted, false);
    }

    /** The plan itself, to read before applying: {@code converge(Map.of(type("web"), 4)).plan()}. */
    public ConvergePlan plan() {
        return this;
    }

    public boolean nothingToDo() {
        return create.isEmpty() && destroy.isEmpty();
    }

    /** The same plan, destroying without asking. */
    public ConvergePlan forced() {
        return new ConvergePlan(fleet, template, create, destroy, notCounted, true);
    }

    /** Creates and destroys what the plan says, waits, and returns every job's end. */
    public JobResults apply() {
        List<String> batches = new ArrayList<>();
        if (!destroy.isEmpty()) {
            Systems doomed = new Systems(fleet, destroy, force);
            fleet.confirmDestructive("converge: destroy", doomed);
            batches.add(fleet.submit(dev.opsshell.core.job.JobKind.DESTROY, doomed.forced(), Map.of()).id());
        }
        for (var e : create.entrySet()) {
            Template t = new Template(template.driver(), template.size(), template.os(), e.getKey(), template.volumes(),
                    template.user(), template.domain(), template.tags());
            batches.add(fleet.createAsync(t, e.getValue()).id());
        }
        return fleet.awaitAll(batches);
    }

    @Override
    public String toString() {
        if (nothingToDo() && notCounted.isEmpty()) return "converge: nothing to do";
        StringBuilder out = new StringBuilder();
        create.forEach((t, n) -> out.append("+ create ").append(n).append(" × ").append(t.name()).append('\n'));
        for (Machine m : destroy) out.append("- destroy ").append(m.id()).append(' ').append(m.hostname()).append(" (").append(m.type()).append(")\n");
        for (Machine m : notCounted) {
            out.append("  not counted: ").append(m.id()).append(' ').append(m.hostname()).append(" is ").append(m.state().word())
                    .append(" (destroy or clear it)\n");
        }
        if (nothingToDo()) out.append("converge: nothing to create or destroy\n");
        return out.toString().stripTrailing();
    }
}

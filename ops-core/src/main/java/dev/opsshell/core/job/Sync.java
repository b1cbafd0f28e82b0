package dev.opsshell.core.job;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineIds;
import dev.opsshell.core.system.MachineState;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes the store agree with one driver connection: machines there that the store does not know
 * are imported (keeping the system id ops tagged them with), records whose machine is gone are
 * flagged {@code missing}, and states and addresses that changed behind ops's back are read back.
 * The job's args carry the section: {@code kind} and {@code s.<key>} for each setting.
 */
final class Sync {
    private final Store store;
    private final Drivers drivers;

    Sync(Store store, Drivers drivers) {
        this.store = store;
        this.drivers = drivers;
    }

    static Map<String, String> args(DriverSection section) {
        Map<String, String> args = new TreeMap<>();
        args.put("kind", section.kind());
        section.settings().forEach((k, v) -> args.put("s." + k, v));
        return args;
    }

    static DriverSection section(Map<String, String> args) {
        Map<String, String> settings = new HashMap<>();
        args.forEach((k, v) -> {
            if (k.startsWith("s.")) settings.put(k.substring(2), v);
        });
        return DriverSection.of(args.get("kind"), settings);
    }

    void run(JobRecord job, RunningJob ctx) {
        DriverSection section = section(job.args());
        Driver d = drivers.of(section);
        ctx.step("listing " + section.kind());
        List<Instance> there = d.list();
        Map<String, Instance> byRef = new HashMap<>();
        Map<String, Instance> bySystem = new HashMap<>();
        for (Instance i : there) {
            byRef.put(i.ref(), i);
            if (i.systemId() != null) bySystem.put(i.systemId(), i);
        }
        Instant t0 = Instant.now();
        Set<String> known = new java.util.HashSet<>();
        for (Machine m : store.machines()) {
            if (!m.driver().kind().equals(section.kind()) || drivers.of(m.driver()) != d) continue;
            Instance i = bySystem.getOrDefault(m.id(), m.ref() == null ? null : byRef.get(m.ref()));
            if (i != null) known.add(i.ref());
            MachineState now = i == null ? MachineState.MISSING : i.state().asMachineState();
            boolean ipChanged = i != null && i.ip() != null && !i.ip().equals(m.ip());
            if (now == m.state() && !ipChanged) continue;
            if (m.state() == MachineState.NEW && now == MachineState.MISSING) continue;  // never made yet
            Machine next = m.withState(now);
            if (i != null && i.ip() != null) next = next.withIp(i.ip());
            if (i != null && m.ref() == null) next = next.withRef(i.ref());
            String cause = now == MachineState.MISSING ? "sync: gone at the driver" : "sync: read back from the driver";
            store.update(next, transition(m, now, job, cause, t0));
        }
        for (Instance i : there) {
            if (known.contains(i.ref())) continue;
            String id = i.systemId() != null && store.machine(i.systemId()).isEmpty() ? i.systemId() : MachineIds.next();
            String name = i.name() == null ? i.ref() : i.name();
            Machine imported = new Machine(id, name, null, null, null, 0, 0, List.of(), i.ip(), null, Set.of("imported"),
                    MachineState.NEW, section, i.ref(), null, Instant.now());
            store.insert(imported);
            MachineState now = i.state().asMachineState();
            store.update(imported.withState(now), transition(imported, now, job, "sync: imported from the driver", t0));
        }
    }

    private static Transition transition(Machine m, MachineState to, JobRecord job, String cause, Instant t0) {
        return new Transition(0, m.id(), m.state(), to, job.id(), JobKind.SYNC, m.driver().kind(), cause, t0,
                Duration.between(t0, Instant.now()), null);
    }
}

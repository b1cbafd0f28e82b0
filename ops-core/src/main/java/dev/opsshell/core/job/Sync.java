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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes the store agree with one driver connection: machines there that the store does not know
 * are imported (keeping the system id ops tagged them with), records whose machine is gone are
 * flagged {@code missing}, and states and addresses that changed behind ops's back are read back.
 * Each record is asked about by itself ({@code status}); only drivers that make machines are
 * listed for strangers to import.
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
        Instant t0 = Instant.now();
        Set<String> known = new HashSet<>();
        ctx.step("reading back " + section.kind());
        for (Machine m : store.machines()) {
            if (!m.driver().kind().equals(section.kind()) || drivers.of(m.driver()) != d) continue;
            Instance i = d.status(m);  // each record asked about by itself: a driver that cannot list (physical) syncs too
            if (i.exists() && i.ref() != null) known.add(i.ref());
            if (m.ref() != null) known.add(m.ref());
            MachineState now = i.state().asMachineState();
            boolean ipChanged = i.ip() != null && !i.ip().equals(m.ip());
            if (now == m.state() && !ipChanged) continue;
            if (m.state() == MachineState.NEW && now == MachineState.MISSING) continue;  // never made yet
            Machine next = m.withState(now);
            if (i.ip() != null) next = next.withIp(i.ip());
            if (i.exists() && m.ref() == null) next = next.withRef(i.ref());
            String cause = now == MachineState.MISSING ? "sync: gone at the driver" : "sync: read back from the driver";
            store.update(next, transition(m, now, job, cause, t0));
        }
        if (!d.creates()) return;  // machines ops does not make are added by hand, never imported
        ctx.step("listing " + section.kind());
        for (Instance i : d.list()) {
            if (known.contains(i.ref()) || (i.systemId() != null && store.machine(i.systemId()).isPresent())) continue;
            String id = i.systemId() != null ? i.systemId() : MachineIds.next();
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

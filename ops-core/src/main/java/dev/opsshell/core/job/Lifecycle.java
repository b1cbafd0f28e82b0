package dev.opsshell.core.job;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.Type;

import java.time.Duration;
import java.time.Instant;

/**
 * What each job kind does to one machine, step by step, through its driver; every state change
 * is written with its transition in one transaction, so a crash leaves a record that says where
 * the job got to. Re-core's workflows: create fails when the machine exists, reload is destroy
 * then create, destroy removes the machine and forgets its record.
 */
final class Lifecycle {
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);
    static final Duration DEFAULT_ADDRESS_WAIT = Duration.ofMinutes(3);

    private final Store store;
    private final Drivers drivers;
    private final Provisioner provisioner;

    Lifecycle(Store store, Drivers drivers, Provisioner provisioner) {
        this.store = store;
        this.drivers = drivers;
        this.provisioner = provisioner;
    }

    void run(JobRecord job, RunningJob ctx) {
        Machine m = store.machine(job.systemId())
                .orElseThrow(() -> new DriverException("system " + job.systemId() + " is not in the store (cleared meanwhile?)"));
        switch (job.kind()) {
            case CREATE -> provisionIfAsked(create(m, job, ctx), job, ctx);
            case START -> start(m, job, ctx);
            case STOP -> stop(m, job, ctx);
            case REBOOT -> reboot(m, job, ctx);
            case PROVISION -> provision(m, job, ctx);
            case RELOAD -> provisionIfAsked(create(destroyed(m, job, ctx), job, ctx), job, ctx);
            case DESTROY -> store.delete(destroyed(m, job, ctx).id());
            case CLEAR -> {
                move(m, MachineState.FORGOTTEN, job, "clear: record forgotten, the machine left as it is", Instant.now(), null);
                store.delete(m.id());
            }
            case SYNC -> throw new IllegalArgumentException("sync is not a per-system job");
        }
    }

    /** What a job found after its shell died: the machine's state read back from the driver. */
    void readBack(Machine m, JobRecord job) {
        Instant t0 = Instant.now();
        Instance now = driver(m).status(m);
        MachineState to = now.state().asMachineState();
        Machine next = m.withError("job " + job.id() + " (" + job.kind().word() + ") was interrupted: its shell ended");
        if (now.ip() != null && !now.ip().isBlank()) next = next.withIp(now.ip());
        move(next, to, job, "interrupted: state read back from the driver", t0, null);
    }

    private Machine create(Machine m, JobRecord job, RunningJob ctx) {
        Driver d = driver(m);
        if (!d.creates()) throw new DriverException(d.kind() + " machines are not created by ops: they exist already");
        if ((m.state() == MachineState.RUNNING || m.state() == MachineState.STOPPED) && d.status(m).exists()) {
            throw new DriverException("system " + m.id() + " (" + m.hostname() + ") exists already and is "
                    + m.state().word() + "; reload() makes it again, destroy() removes it");
        }
        Instant t0 = Instant.now();
        m = move(m, MachineState.CREATING, job, "create", t0, null);
        Instance made;
        try {
            ctx.step("creating");
            made = d.create(m, ctx);
        } catch (RuntimeException e) {
            move(m, MachineState.FAILED, job, "create failed", t0, message(e));
            throw e;
        }
        m = m.withRef(made.ref());
        store.update(m);
        ctx.step("waiting for an address");
        String ip = d.address(m, wait(job, "addressWait", DEFAULT_ADDRESS_WAIT), ctx);
        return move(m.withIp(ip), MachineState.RUNNING, job, "created", t0, null);
    }

    private void start(Machine m, JobRecord job, RunningJob ctx) {
        Instant t0 = Instant.now();
        Driver d = driver(m);
        ctx.step("starting");
        try {
            d.start(m, ctx);
        } catch (RuntimeException e) {
            failed(m, job, "start failed", t0, e);
            throw e;
        }
        ctx.step("waiting for an address");
        String ip = d.address(m, wait(job, "addressWait", DEFAULT_ADDRESS_WAIT), ctx);
        move(m.withIp(ip), MachineState.RUNNING, job, "started", t0, null);
    }

    private void stop(Machine m, JobRecord job, RunningJob ctx) {
        Instant t0 = Instant.now();
        ctx.step("stopping");
        try {
            driver(m).stop(m, wait(job, "grace", DEFAULT_GRACE), ctx);
        } catch (RuntimeException e) {
            failed(m, job, "stop failed", t0, e);
            throw e;
        }
        move(m, MachineState.STOPPED, job, "stopped", t0, null);
    }

    private void reboot(Machine m, JobRecord job, RunningJob ctx) {
        Instant t0 = Instant.now();
        ctx.step("rebooting");
        try {
            driver(m).reboot(m, ctx);
        } catch (RuntimeException e) {
            failed(m, job, "reboot failed", t0, e);
            throw e;
        }
        move(m, MachineState.RUNNING, job, "rebooted", t0, null);
    }

    private Machine destroyed(Machine m, JobRecord job, RunningJob ctx) {
        Instant t0 = Instant.now();
        Driver d = driver(m);
        if (!d.creates()) {
            throw new DriverException(d.kind() + " machines are not destroyed by ops; clear() forgets the record");
        }
        ctx.step("destroying");
        try {
            d.destroy(m, ctx);
        } catch (RuntimeException e) {
            failed(m, job, "destroy failed", t0, e);
            throw e;
        }
        return move(m.withIp(null).withRef(null), MachineState.DESTROYED, job, "destroyed", t0, null);
    }

    private void provisionIfAsked(Machine m, JobRecord job, RunningJob ctx) {
        if ("true".equals(job.args().get("provision"))) provision(m, job, ctx);
    }

    private void provision(Machine m, JobRecord job, RunningJob ctx) {
        if (m.type() == null || m.type().isBlank()) throw new DriverException("system " + m.id() + " has no type to provision");
        Type type = store.type(m.type()).orElseThrow(() -> new DriverException(
                "type '" + m.type() + "' is not in the store; define it with type(\"" + m.type() + "\") first"));
        Instant t0 = Instant.now();
        ctx.step("provisioning as " + type.name());
        try {
            provisioner.provision(m, type, ctx);
        } catch (RuntimeException e) {
            store.insert(transition(m, m.state(), job, "provision failed", t0, message(e)));
            throw e;
        }
        store.insert(transition(m, m.state(), job, "provisioned as " + type.name(), t0, null));
    }

    private void failed(Machine m, JobRecord job, String cause, Instant t0, RuntimeException e) {
        // the machine's state is what the driver says now, not a guess
        MachineState now;
        try {
            now = driver(m).status(m).state().asMachineState();
        } catch (RuntimeException unreadable) {
            now = MachineState.FAILED;
        }
        move(m, now, job, cause, t0, message(e));
    }

    private Machine move(Machine m, MachineState to, JobRecord job, String cause, Instant t0, String error) {
        Machine next = m.withState(to).withError(error);
        if (to == MachineState.DESTROYED || to == MachineState.FORGOTTEN) {
            store.insert(transition(m, to, job, cause, t0, error));
            return next;
        }
        store.update(next, transition(m, to, job, cause, t0, error));
        return next;
    }

    private static Transition transition(Machine m, MachineState to, JobRecord job, String cause, Instant t0, String error) {
        return new Transition(0, m.id(), m.state(), to, job.id(), job.kind(), m.driver().kind(), cause, t0,
                Duration.between(t0, Instant.now()), error);
    }

    private Driver driver(Machine m) {
        return drivers.of(m.driver());
    }

    private static Duration wait(JobRecord job, String key, Duration fallback) {
        String v = job.args().get(key);
        return v == null ? fallback : Duration.ofMillis(Long.parseLong(v));
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}

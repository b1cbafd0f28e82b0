package dev.opsshell.remote.driver.physical;

import dev.opsshell.core.Session;
import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.remote.ssh.SshTransport;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Machines that exist already (a rack, a desk): started by Wake-on-LAN, stopped by
 * {@code shutdown -h now} over SSH, and counted as running while an SSH server answers at their
 * address. ops neither makes nor destroys them: add one with a {@code physical} section, and
 * {@code clear} forgets its record. Commands go through the session's SSH transport, so host keys
 * are checked against known_hosts as for every other host (an unknown key is refused).
 * {@link #list()} is empty: a network of physical machines has no inventory to ask, the store's
 * records are the list.
 */
public final class PhysicalDriver implements Driver {
    /** How long one probe for an SSH banner may take; a powered-off host on the LAN does not answer ARP. */
    private static final Duration PROBE = Duration.ofSeconds(3);
    /** Between probes while waiting for SSH to come or go: the poll interval, not a guess at boot time. */
    private static final Duration POLL = Duration.ofMillis(250);

    private final Supplier<Session> session;

    /** Runs commands through {@code session}'s SSH transport and its known_hosts. */
    public PhysicalDriver(Supplier<Session> session) {
        this.session = session;
    }

    @Override
    public String kind() {
        return PhysicalSection.KIND;
    }

    @Override
    public boolean creates() {
        return false;
    }

    @Override
    public Instance create(Machine machine, JobContext job) {
        throw new DriverException("physical machines are not made by ops: " + who(machine)
                + " must exist already. Add its record with a physical section (mac, address, user) instead of"
                + " creating it; 'clear' forgets a record");
    }

    @Override
    public void destroy(Machine machine, JobContext job) {
        throw new DriverException("physical machines are not destroyed by ops: " + who(machine)
                + " stays as it is. 'stop' shuts it down; 'clear' forgets its record");
    }

    @Override
    public void start(Machine machine, JobContext job) {
        PhysicalSection p = PhysicalSection.of(machine);
        if (answers(p, PROBE)) {
            job.step(who(machine) + " answers SSH at " + p.sshTarget() + " already");
            return;
        }
        var target = p.wakeTarget(machine.hostname());
        job.step("Wake-on-LAN for " + p.mac() + " to " + p.broadcast() + ":" + p.wolPort());
        WakeOnLan.send(p.mac(), target, p.wolPort());
        job.step("waiting for SSH at " + p.sshTarget());
        if (!waitUntil(true, p, p.startTimeout(), job)) {
            throw new DriverException(who(machine) + " did not answer SSH at " + p.sshTarget() + " within "
                    + p.startTimeout().toSeconds() + " s of the Wake-on-LAN packet for " + p.mac() + " (sent to "
                    + p.broadcast() + ":" + p.wolPort() + "). Check that Wake-on-LAN is on in its firmware and"
                    + " network card, that 'broadcast' is its network's broadcast address, and that sshd starts"
                    + " at boot; raise 'start_timeout' for a slow boot");
        }
    }

    @Override
    public void stop(Machine machine, Duration graceful, JobContext job) {
        PhysicalSection p = PhysicalSection.of(machine);
        if (!answers(p, PROBE)) {
            job.step(who(machine) + " does not answer SSH at " + p.sshTarget() + ": stopped already");
            return;
        }
        goDown(machine, p, "shutdown -h now", graceful, job);
    }

    @Override
    public void reboot(Machine machine, JobContext job) {
        PhysicalSection p = PhysicalSection.of(machine);
        if (!answers(p, PROBE)) {
            throw new DriverException("reboot " + who(machine) + ": it does not answer SSH at " + p.sshTarget()
                    + ", so it is off (or unreachable); start it instead");
        }
        goDown(machine, p, "shutdown -r now", p.startTimeout(), job);
        job.step("waiting for SSH at " + p.sshTarget() + " to come back");
        if (!waitUntil(true, p, p.startTimeout(), job)) {
            throw new DriverException(who(machine) + " went down for the reboot but did not answer SSH at "
                    + p.sshTarget() + " again within " + p.startTimeout().toSeconds() + " s; raise 'start_timeout'"
                    + " for a slow boot, or look at its console");
        }
    }

    /** Runs a shutdown line over SSH (through sudo unless logged in as root), then waits for SSH to go. */
    private void goDown(Machine machine, PhysicalSection p, String line, Duration wait, JobContext job) {
        job.step(line + " on " + p.sshTarget());
        Result r = run(machine, p, line, wait);
        // the connection may drop as the machine goes down, before or while the command's channel
        // answers (reset, unreachable, an error): whether it went is told by SSH going away below.
        // Only a command that ran and was refused (non-zero exit, a login or host key refused) fails now.
        boolean wentDown = r.ok() || r.outcome() == Outcome.UNREACHABLE || r.outcome() == Outcome.ERROR;
        if (!wentDown) {
            throw new DriverException("could not shut down " + who(machine) + " at " + p.sshTarget() + ": "
                    + line + " " + describe(r));
        }
        job.step("waiting for SSH at " + p.sshTarget() + " to go away");
        if (!waitUntil(false, p, wait, job)) {
            throw new DriverException(who(machine) + " still answers SSH at " + p.sshTarget() + " "
                    + wait.toSeconds() + " s after " + line + " (" + describe(r) + "). ops cannot force a physical"
                    + " machine off: look at it (a hung shutdown, or sshd in a container that lives on) and power"
                    + " it off by hand");
        }
    }

    private Result run(Machine machine, PhysicalSection p, String line, Duration timeout) {
        Session s = session.get();
        Map<String, String> vars = new HashMap<>();
        if (p.key() != null && !p.key().isBlank()) vars.put("ansible_ssh_private_key_file", p.key());
        Host host = new Host(machine.hostname(), p.address(), p.sshPort(), p.user(), vars, List.of());
        Command command = Command.of(line, s.settings()).withSudo(true)
                .withTimeout(timeout.isZero() ? Duration.ofSeconds(30) : timeout);
        return s.transport(SshTransport.NAME).exec(host, command, OutputSink.NONE);
    }

    /** The hostname and system id, as errors name a machine. */
    private static String who(Machine machine) {
        return machine.hostname() + " (" + machine.id() + ")";
    }

    private static String describe(Result r) {
        if (r.ok()) return "returned";
        if (r.outcome() == Outcome.FAILED) {
            return "exited " + r.exitCode() + (r.summary().isBlank() ? "" : ": " + r.summary().strip());
        }
        return r.outcome().label() + ": " + r.message();
    }

    @Override
    public Instance status(Machine machine) {
        PhysicalSection p = PhysicalSection.of(machine);
        InstanceState state = answers(p, PROBE) ? InstanceState.RUNNING : InstanceState.STOPPED;
        return new Instance(p.address(), machine.id(), machine.hostname(), state, p.address());
    }

    @Override
    public String address(Machine machine, Duration wait, JobContext job) {
        return PhysicalSection.of(machine).address();
    }

    @Override
    public List<Instance> list() {
        return List.of();
    }

    private static boolean answers(PhysicalSection p, Duration timeout) {
        return SshBanner.read(p.address(), p.sshPort(), timeout).isPresent();
    }

    /** Polls until SSH answers ({@code up}) or is gone, for at most {@code limit}; false when it did not happen. */
    private static boolean waitUntil(boolean up, PhysicalSection p, Duration limit, JobContext job) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            job.checkCancelled();
            long left = deadline - System.nanoTime();
            Duration probe = Duration.ofNanos(Math.max(Duration.ofMillis(100).toNanos(), Math.min(PROBE.toNanos(), left)));
            if (answers(p, probe) == up) return true;
            if (deadline - System.nanoTime() <= 0) return false;
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriverException("interrupted while waiting for SSH at " + p.sshTarget(), e);
            }
        }
    }
}

package dev.opsshell.remote.machine;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.pipeline.Operation;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Fanout;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Transport;

import java.time.Duration;
import java.time.Instant;

/**
 * Reboots each host and waits until it answers again with a new boot id
 * ({@code /proc/sys/kernel/random/boot_id}), so "back" means rebooted, not "not gone down yet".
 * The reboot is started detached (the command returns before the host goes away); then the host
 * is asked every {@code pollEvery} until {@code wait} is over: a host not back by then is TIMED_OUT
 * with how long it was waited for. Ctrl-C stops the waiting (the host is CANCELLED).
 */
public final class Reboot implements Operation {
    static final String BOOT_ID = "cat /proc/sys/kernel/random/boot_id";
    private final String command;
    private final Duration wait;
    private final Duration pollEvery;

    private Reboot(String command, Duration wait, Duration pollEvery) {
        this.command = command;
        this.wait = wait;
        this.pollEvery = pollEvery;
    }

    /** {@code shutdown -r now} (or {@code reboot} where there is no shutdown), waiting up to {@code wait}. */
    public static Reboot of(Duration wait) {
        return new Reboot("if command -v shutdown >/dev/null 2>&1; then shutdown -r now; else reboot; fi", wait, Duration.ofSeconds(1));
    }

    /** The same wait after another command that restarts the host (a hypervisor's, a test's). */
    public Reboot by(String rebootCommand) {
        return new Reboot(rebootCommand, wait, pollEvery);
    }

    public Reboot pollEvery(Duration every) {
        return new Reboot(command, wait, every);
    }

    @Override
    public Results run(Hosts hosts) {
        Session session = hosts.session();
        return Fanout.run("reboot", hosts, session.settings().forks(), session.progress(),
                host -> reboot(session, session.transport(hosts.transportFor(host)), host));
    }

    private Result reboot(Session session, Transport t, Host host) {
        Instant start = Instant.now();
        Command probe = Command.of(BOOT_ID, session.settings()).withTimeout(Duration.ofSeconds(10));
        Result before = t.exec(host, probe, OutputSink.NONE);
        if (!before.ok()) return before;
        String bootId = before.stdout().strip();
        String detached = "nohup sh -c " + dev.opsshell.remote.Quote.shell("sleep 1; " + command) + " >/dev/null 2>&1 &";
        Result started = t.exec(host, Command.of(detached, session.settings()).withSudo(true), OutputSink.NONE);
        // a host that drops the connection as the reboot starts has gone away, as asked: wait for it
        if (!started.ok() && started.outcome() != Outcome.UNREACHABLE) return started;
        Instant deadline = start.plus(wait);
        int away = 0;
        while (Instant.now().isBefore(deadline)) {
            Result now = t.exec(host, probe, OutputSink.NONE);
            if (now.ok() && !now.stdout().strip().equals(bootId)) {
                Duration took = Duration.between(start, Instant.now());
                return Result.exited(host, 0, "rebooted: back after " + took.toSeconds() + " s with boot id " + now.stdout().strip()
                        + " (" + away + " probes while it was away)\n", "", false, start, t.name());
            }
            if (!now.ok()) away++;
            try {
                Thread.sleep(pollEvery.toMillis()); // the pace of asking a host that is rebooting, not a synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.problem(host, Outcome.CANCELLED, "cancelled while waiting for it to come back", start, t.name());
            }
        }
        return Result.problem(host, Outcome.TIMED_OUT, "not back with a new boot id within " + wait.toSeconds()
                + " s after the reboot (" + away + " probes found it away): look at its console, or wait longer with reboot(hosts, seconds(n))",
                start, t.name());
    }

    @Override
    public String toString() {
        return "reboot";
    }
}

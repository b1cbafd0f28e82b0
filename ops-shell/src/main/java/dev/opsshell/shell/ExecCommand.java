package dev.opsshell.shell;

import dev.opsshell.core.Session;
import dev.opsshell.core.history.RunSource;
import dev.opsshell.remote.history.SessionHistory;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.inventory.InventoryException;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Progress;
import dev.opsshell.shell.terminal.ConsolePrompter;
import dev.opsshell.shell.terminal.CtrlC;
import dev.opsshell.shell.terminal.ProgressLine;
import dev.opsshell.shell.terminal.Tty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ops exec PATTERN -- CMD...}: runs one command on the hosts a pattern selects and prints
 * the results, no Java needed. Exits 0 when all are ok, 4 when some were unreachable, 5 when some
 * exited non-zero, 2 for a bad pattern or inventory.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Run a shell command on the hosts a pattern selects (web, 'web:&prod:!db', 'web[01-03]').")
final class ExecCommand implements Callable<Integer> {

    @ParentCommand
    OpsCommand parent;

    @picocli.CommandLine.Option(names = "--via", paramLabel = "TRANSPORT",
            description = "Reach every host through this transport: ssh, local or agent (default: per host).")
    String via;

    @picocli.CommandLine.Option(names = "--hub", paramLabel = "tcp://HOST:PORT",
            description = "With --via agent: the hub to go through (default $OPS_HUB, else this machine's on $OPS_HUB_PORT or 4505).")
    String hub;

    @picocli.CommandLine.Option(names = "--hub-key", paramLabel = "KEY",
            description = "With --via agent: the hub's public key, or @FILE (default $OPS_HUB_KEY, else ~/.ops/hub/hub.pub).")
    String hubKey;

    @Parameters(index = "0", paramLabel = "PATTERN", description = "Hosts: a group, host, pattern or node set.")
    String pattern;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD", description = "The command (after --); its words are joined by spaces.")
    List<String> command;

    /** Most hosts {@code ops exec} works on at once unless {@code --forks} says otherwise. */
    static final int MAX_DEFAULT_FORKS = 256;

    /**
     * Without {@code --forks}, one command reaches every host at once, up to 256: a fresh process
     * pays a connection per host, and connecting is waiting (key exchange round trips, server
     * start-up), so 200 hosts in one wave take about as long as 64 in one, while 64 forks take four
     * waves. 256 stays well below the usual limit of 1024 open files and keeps memory modest (a
     * connection holds a 256 KB read buffer and a thread).
     */
    static int defaultForks(int hosts, int configured) {
        return Math.max(configured, Math.min(hosts, MAX_DEFAULT_FORKS));
    }

    @Override
    public Integer call() {
        Options options = parent.options();
        CtrlC.cancelFanoutsFirst();
        Progress.Factory progress = ProgressLine.forThisProcess(options.stream());
        try (Session session = options.openSession(System.out, ConsolePrompter.forThisProcess(), progress)) {
            session.colour(Tty.interactive());
            SessionHistory.openStoreSoon(session); // while the hosts are reached: the exit then waits only for the write
            Hosts hosts = AgentExec.hosts(session, pattern, via, hub, hubKey);
            if (options.forks() == null) session.update(s -> s.withForks(defaultForks(hosts.size(), s.forks())));
            String line = String.join(" ", command);
            Results results = Batch.during(RunSource.oneLiner("ops exec " + pattern + " -- " + line), () -> hosts.exec(line));
            if (options.json()) results.json();
            else results.pretty();
            return results.exitCode();
        } catch (InventoryException | dev.opsshell.remote.hub.HubException e) {
            System.err.println("ops: " + e.getMessage());
            return e instanceof InventoryException ? ExitCodes.USAGE : ExitCodes.UNREACHABLE;
        }
    }
}

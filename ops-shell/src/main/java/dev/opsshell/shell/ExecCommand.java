package dev.opsshell.shell;

import dev.opsshell.core.Session;
import dev.opsshell.core.inventory.InventoryException;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
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

    @Parameters(index = "0", paramLabel = "PATTERN", description = "Hosts: a group, host, pattern or node set.")
    String pattern;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD", description = "The command (after --); its words are joined by spaces.")
    List<String> command;

    @Override
    public Integer call() {
        Options options = parent.options();
        boolean tty = Tty.interactive();
        Progress.Factory progress = tty && !options.stream()
                ? ProgressLine.on(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)), () -> false)
                : Progress.Factory.NONE;
        try (Session session = options.openSession(System.out, ConsolePrompter.forThisProcess(), progress)) {
            Results results = dev.opsshell.remote.Ops.hosts(pattern).exec(String.join(" ", command));
            if (options.json()) results.json();
            else results.pretty();
            return results.exitCode();
        } catch (InventoryException e) {
            System.err.println("ops: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}

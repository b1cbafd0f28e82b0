package dev.opsshell.shell.history;

import dev.opsshell.core.OpsException;
import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.result.Results;
import dev.opsshell.shell.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code ops history rerun ID [--failed]}: the run's operation again, on its target (or only the
 * hosts that failed), printed and exiting as {@code ops exec} does; recorded as a new run. A run of
 * Java code typed at the prompt cannot be rebuilt: exit 2, naming the snippet it came from.
 */
@Command(name = "rerun", mixinStandardHelpOptions = true, description = "Run a recorded run's operation again.")
final class RerunCommand implements Callable<Integer> {
    @ParentCommand
    HistoryCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The run's number (ops history lists them).")
    long id;

    @Option(names = "--failed", description = "Only on the hosts that did not end ok in that run.")
    boolean failedOnly;

    @Override
    public Integer call() {
        var options = parent.ops().options();
        return CliHistory.run(options, spec, (history, out) -> {
            var detail = CliHistory.find(history, id);
            String line = "ops history rerun " + id + (failedOnly ? " --failed" : "");
            Results results;
            try {
                results = RunSource.during(RunSource.oneLiner(line), () -> failedOnly ? detail.rerunFailed() : detail.rerun());
            } catch (OpsException e) {
                // cannot be rebuilt (Java code, a masked secret) or no host failed: the command line asks for what cannot be
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (options.json()) results.json();
            else results.pretty();
            return results.exitCode();
        });
    }
}

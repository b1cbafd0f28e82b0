package dev.opsshell.shell.history;

import dev.opsshell.shell.JsonDocument;
import dev.opsshell.shell.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ops history show ID}: one run with every host's outcome and output (all of it with {@code --json}). */
@Command(name = "show", mixinStandardHelpOptions = true, description = "One run, host by host.")
final class ShowRunCommand implements Callable<Integer> {
    @ParentCommand
    HistoryCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The run's number (ops history lists them).")
    long id;

    @Override
    public Integer call() {
        var options = parent.ops().options();
        return CliHistory.run(options, spec, (history, out) -> {
            var detail = CliHistory.find(history, id);
            out.println(options.json() ? JsonDocument.text(HistoryJson.detail(detail)) : detail.toString().stripTrailing());
            return ExitCodes.OK;
        });
    }
}

package dev.opsshell.shell.history;

import dev.opsshell.core.history.HistorySettings;
import dev.opsshell.shell.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code ops history purge [--older-than AGE]}: forgets runs finished longer ago than the age
 * (default: the configured retention, {@code history.retention}, 90 days unless set). Prints how many.
 */
@Command(name = "purge", mixinStandardHelpOptions = true, description = "Forget runs older than an age.")
final class PurgeCommand implements Callable<Integer> {
    @ParentCommand
    HistoryCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--older-than", paramLabel = "AGE",
            description = "Runs finished longer ago than this (90d, 2w, 12h); default: history.retention, else 90d.")
    String olderThan;

    @Override
    public Integer call() {
        var options = parent.ops().options();
        return CliHistory.run(options, spec, (history, out) -> {
            Duration keep = olderThan != null ? HistorySettings.retention(olderThan, "--older-than")
                    : HistorySettings.configured().retention();
            if (keep == null) {
                out.println("history is kept forever (history.retention=forever); nothing purged");
                return ExitCodes.OK;
            }
            int n = history.purge(Instant.now().minus(keep));
            out.println(options.json() ? "{\"purged\":" + n + "}" : "purged " + n + " run" + (n == 1 ? "" : "s")
                    + " finished before " + Instant.now().minus(keep));
            return ExitCodes.OK;
        });
    }
}

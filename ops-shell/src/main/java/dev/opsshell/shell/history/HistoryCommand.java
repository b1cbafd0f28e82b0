package dev.opsshell.shell.history;

import dev.opsshell.shell.JsonDocument;
import dev.opsshell.core.history.History;
import dev.opsshell.core.history.RunQuery;
import dev.opsshell.shell.ExitCodes;
import dev.opsshell.shell.OpsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code ops history [--failed] [--host H] [--operation GLOB] [--since AGE] [--until AGE] [--limit N]}:
 * the recorded runs, newest first, as a table or (with {@code --json}) one JSON array; {@code show},
 * {@code rerun} and {@code purge} are its subcommands.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "The runs recorded in the store, newest first.",
        subcommands = {ShowRunCommand.class, RerunCommand.class, PurgeCommand.class})
public final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Spec
    CommandSpec spec;

    @Option(names = "--failed", description = "Only runs where some host did not end ok.")
    boolean failed;

    @Option(names = "--host", paramLabel = "NAME", description = "Only runs that included this host.")
    String host;

    @Option(names = "--operation", paramLabel = "GLOB", description = "Only runs whose operation matches ('apt*', '*nginx').")
    String operation;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only runs finished since: an age (30m, 2h, 7d), a date or an instant.")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Only runs finished before: an age, a date or an instant.")
    String until;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many, the newest (default 50).")
    int limit;

    OpsCommand ops() {
        return ops;
    }

    @Override
    public Integer call() {
        boolean json = ops.options().json();
        return CliHistory.run(ops.options(), spec, (history, out) -> {
            RunQuery q = query(Instant.now());
            var runs = history.runs(q);
            out.println(json ? JsonDocument.text(HistoryJson.runs(runs)) : new History(() -> history, q).toString());
            return ExitCodes.OK;
        });
    }

    RunQuery query(Instant now) {
        if (limit < 1) throw new IllegalArgumentException("--limit: at least 1, got " + limit);
        RunQuery q = RunQuery.all().limit(limit).host(host).operation(operation);
        if (failed) q = q.failed();
        if (since != null) q = q.since(Ages.parse(since, "--since", now));
        if (until != null) q = q.until(Ages.parse(until, "--until", now));
        return q;
    }
}

package dev.opsshell.shell.systems;

import dev.opsshell.core.job.JobStats;
import dev.opsshell.shell.ExitCodes;
import dev.opsshell.shell.OpsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ops stats}: per job kind and driver, count, success rate, median and p95 duration, commonest errors. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Per job kind and driver: count, success rate, median and p95 duration, commonest errors.")
public final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean json = ops.options().json();
        return CliFleet.run(ops.options(), spec, (fleet, out) -> {
            JobStats stats = fleet.stats();
            CliFleet.print(out, json, stats, SystemsJson.stats(stats));
            return ExitCodes.OK;
        });
    }
}

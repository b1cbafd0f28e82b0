package dev.opsshell.shell.systems;

import dev.opsshell.remote.fleet.JobList;
import dev.opsshell.shell.ExitCodes;
import dev.opsshell.shell.OpsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.HashMap;
import java.util.concurrent.Callable;

/** {@code ops jobs [--limit N]}: the latest jobs, newest first, as a table or a JSON array. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "The latest jobs, newest first.")
public final class JobsCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many (default 20).")
    int limit;

    @Override
    public Integer call() {
        boolean json = ops.options().json();
        return CliFleet.run(ops.options(), spec, (fleet, out) -> {
            if (limit < 1) throw new UsageError("--limit: at least 1, got " + limit);
            var machines = new HashMap<String, dev.opsshell.core.system.Machine>();
            fleet.store().machines().forEach(m -> machines.put(m.id(), m));
            JobList jobs = new JobList(fleet.jobs(limit), machines, fleet.queue().events()::step);
            CliFleet.print(out, json, jobs, SystemsJson.jobs(jobs));
            return ExitCodes.OK;
        });
    }
}

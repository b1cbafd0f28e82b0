package dev.opsshell.shell.systems;

import dev.opsshell.core.fleet.JobResults;
import dev.opsshell.core.fleet.Systems;
import dev.opsshell.core.job.JobKind;
import dev.opsshell.shell.ExitCodes;
import dev.opsshell.shell.terminal.Tty;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A lifecycle job on the systems the ids and filters choose, one job per system, waited for:
 * prints how each ended (or a JSON object with the batch) and exits 0 when all succeeded, 5 when
 * any failed. A destructive job asks y/N at a terminal; without one it needs {@code --force}.
 */
abstract class JobCommand implements Callable<Integer> {
    @ParentCommand
    SystemsCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    Selection selection;

    abstract JobKind kind();

    /** The job's arguments (a stop's grace period). */
    Map<String, String> args() {
        return Map.of();
    }

    /** True when the operator said to go ahead without asking (destructive jobs only). */
    boolean forced() {
        return false;
    }

    @Override
    public Integer call() {
        boolean json = parent.options().json();
        return CliFleet.run(parent.options(), spec, (fleet, out) -> {
            Systems chosen = selection.select(fleet, kind().word());
            if (chosen.isEmpty()) {
                CliFleet.print(out, json, "no systems match; nothing done", SystemsJson.results(new JobResults(fleet, null, java.util.List.of())));
                return ExitCodes.OK;
            }
            if (kind().destructive()) {
                if (forced()) chosen = chosen.forced();
                else if (!Tty.interactive()) {
                    throw new UsageError(kind().word() + " of " + chosen.size() + " system(s) asks y/N at a terminal, and there is"
                            + " none here: add --force to go ahead without asking");
                }
            }
            JobResults r = fleet.run(kind(), chosen, args());
            CliFleet.print(out, json, r, SystemsJson.results(r));
            return r.exitCode();
        });
    }
}

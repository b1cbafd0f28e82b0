package dev.opsshell.shell.schedule;

import dev.opsshell.core.OpsException;
import dev.opsshell.core.schedule.ScheduleStore;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.shell.ExitCodes;
import dev.opsshell.shell.OpsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code ops schedule [list|add|stop]}: the stored schedules that {@code ops hub} runs, for cron
 * jobs, CI and scripts. Alone, it lists them. Exit codes: 0 done, 2 the command cannot be carried
 * out as written (a bad cron expression, an unknown action kind or schedule name), 1 the store
 * could not be used.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        subcommands = {ScheduleListCommand.class, ScheduleAddCommand.class, ScheduleStopCommand.class},
        description = "The stored schedules ops hub runs (in the store: --store). Alone: the list.",
        footer = {"", "Examples:",
                "  ops schedule add disk --every 5m command web 'df -h /'",
                "  ops schedule add nightly --cron '0 3 * * *' script /srv/ops/nightly.jsh",
                "  ops schedule list --json;  ops schedule stop disk;  ops schedule stop --all",
                "Cron expressions are Unix cron's five fields (minute hour day-of-month month day-of-week), in the hub's time zone.",
                "Exit codes: 0 done, 2 usage (bad expression, unknown kind or name), 1 the store could not be used."})
public final class ScheduleCommand implements Callable<Integer> {
    /** A command's work on the store's schedules; returns its exit code. */
    interface Work {
        int run(ScheduleStore schedules, PrintWriter out);
    }

    @ParentCommand
    OpsCommand ops;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return ScheduleListCommand.list(this);
    }

    boolean json() {
        return ops.options().json();
    }

    String storeFlag() {
        return ops.options().store();
    }

    /** Opens the store, runs the work, and maps errors to exit codes (2 usage, 1 the store). */
    int run(CommandSpec spec, Work work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (JdbcStore store = JdbcStore.open(StoreLocation.resolve(storeFlag()))) {
            int code = work.run(store.schedules(), out);
            out.flush();
            return code;
        } catch (IllegalArgumentException e) {
            err.println("ops schedule: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (OpsException e) {
            err.println("ops schedule: " + e.getMessage());
            err.flush();
            return ExitCodes.SCRIPT_ERROR;
        }
    }
}

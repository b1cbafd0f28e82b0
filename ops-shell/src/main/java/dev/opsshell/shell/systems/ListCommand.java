package dev.opsshell.shell.systems;

import dev.opsshell.core.fleet.Systems;
import dev.opsshell.shell.ExitCodes;
import dev.opsshell.shell.Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ops systems list [ID…] [--type T] …}: the systems table, or a JSON array of systems. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "The systems (all, or those the ids and filters choose).")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    SystemsCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    Selection selection;

    @Override
    public Integer call() {
        return list(parent.options(), spec, selection);
    }

    static int list(Options options, CommandSpec spec, Selection selection) {
        return CliFleet.run(options, spec, (fleet, out) -> {
            Systems chosen = selection.select(fleet, null);
            CliFleet.print(out, options.json(), chosen, SystemsJson.machines(chosen.list()));
            return ExitCodes.OK;
        });
    }
}

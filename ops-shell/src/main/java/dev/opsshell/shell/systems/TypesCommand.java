package dev.opsshell.shell.systems;

import dev.opsshell.core.system.Type;
import dev.opsshell.shell.ExitCodes;
import dev.opsshell.shell.OpsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops types}: the stored types, one a line (name, description, steps), or a JSON array. */
@Command(name = "types", mixinStandardHelpOptions = true, description = "The types in the store and their provisioning plans.")
public final class TypesCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean json = ops.options().json();
        return CliFleet.run(ops.options(), spec, (fleet, out) -> {
            List<Type> types = fleet.store().types();
            StringBuilder text = new StringBuilder();
            for (Type t : types) {
                text.append(t).append('\n');
                t.plan().forEach(step -> text.append("    ").append(step.describe()).append('\n'));
            }
            String shown = types.isEmpty() ? "no types yet (ops systems create --type web makes one)" : text.toString().stripTrailing();
            CliFleet.print(out, json, shown, types.stream().map(SystemsJson::type).toList());
            return ExitCodes.OK;
        });
    }
}

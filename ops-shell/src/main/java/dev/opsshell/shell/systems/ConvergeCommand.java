package dev.opsshell.shell.systems;

import dev.opsshell.core.fleet.ConvergePlan;
import dev.opsshell.core.fleet.JobResults;
import dev.opsshell.core.fleet.Template;
import dev.opsshell.core.system.Type;
import dev.opsshell.shell.ExitCodes;
import dev.opsshell.shell.OpsCommand;
import dev.opsshell.shell.terminal.Tty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code ops converge web=4 lb=1 [--plan]}: creates the missing systems of each type and destroys
 * the newest surplus; {@code --plan} only says what it would do. Running it twice changes nothing
 * the second time. Destroying asks y/N at a terminal, and needs {@code --force} without one.
 */
@Command(name = "converge", mixinStandardHelpOptions = true,
        description = "Reach a count of systems per type: create the missing, destroy the newest surplus.")
public final class ConvergeCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TYPE=N", description = "How many systems of each type there should be.")
    Map<String, Integer> wanted = new LinkedHashMap<>();

    @Option(names = "--plan", description = "Only print what would be created and destroyed.")
    boolean planOnly;

    @Option(names = "--force", description = "Destroy without asking (needed when no one is at a terminal).")
    boolean force;

    @Option(names = "--driver", paramLabel = "KIND", defaultValue = "kvm", description = "The driver new systems get (default kvm).")
    String driver;

    @Option(names = "--uri", paramLabel = "URI", description = "kvm: the libvirt URI (default $OPS_KVM_URI, else test:///default).")
    String uri;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "small", description = "The size new systems get (default small).")
    String size;

    @Option(names = "--setting", paramLabel = "KEY=VALUE", description = "A driver setting for new systems (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() {
        boolean json = ops.options().json();
        return CliFleet.run(ops.options(), spec, (fleet, out) -> {
            Map<Type, Integer> byType = new LinkedHashMap<>();
            new TreeMap<>(wanted).forEach((name, n) -> byType.put(fleet.store().type(name).orElseGet(() -> Type.named(name)), n));
            ConvergePlan plan = fleet.plan(Template.of(Presets.driver(driver, uri, settings), Presets.size(size)), byType);
            if (planOnly || plan.nothingToDo()) {
                CliFleet.print(out, json, plan, SystemsJson.plan(plan));
                return ExitCodes.OK;
            }
            if (force) plan = plan.forced();
            else if (!plan.destroy().isEmpty() && !Tty.interactive()) {
                throw new UsageError("converge would destroy " + plan.destroy().size() + " system(s) and asks y/N at a terminal,"
                        + " and there is none here: add --force to go ahead without asking (--plan shows the plan)");
            }
            if (!json) out.println(plan);
            out.flush();
            JobResults r = plan.apply();
            if (json) {
                Map<String, Object> doc = SystemsJson.plan(plan);
                doc.put("results", SystemsJson.results(r));
                CliFleet.print(out, true, null, doc);
            } else {
                out.println(r);
            }
            return r.exitCode();
        });
    }
}

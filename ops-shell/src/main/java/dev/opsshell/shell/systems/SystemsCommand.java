package dev.opsshell.shell.systems;

import dev.opsshell.shell.OpsCommand;
import dev.opsshell.shell.Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ops systems [list|create|start|…]}: the systems in the store, and jobs on them. Alone, it lists them. */
@Command(name = "systems", mixinStandardHelpOptions = true,
        subcommands = {ListCommand.class, CreateCommand.class, StartCommand.class, StopCommand.class, RebootCommand.class,
                ProvisionCommand.class, ReloadCommand.class, DestroyCommand.class, ClearCommand.class, SyncCommand.class},
        description = "The systems in the store (--store), and lifecycle jobs on them. Alone: the list.",
        footer = {"", "Exit codes: 0 every job succeeded, 5 some job failed, 2 usage (unknown or ambiguous id,",
                "  a destroy or reload without --force when no one is at a terminal), 1 the store could not be used.",
                "On kvm's default test hypervisor (test:///default) machines live only as long as the process that made",
                "them: a later `ops systems sync` marks them missing. Set OPS_KVM_URI (qemu:///system) for lasting ones."})
public final class SystemsCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Spec
    CommandSpec spec;

    Options options() {
        return ops.options();
    }

    @Override
    public Integer call() {
        return ListCommand.list(options(), spec, new Selection());
    }
}

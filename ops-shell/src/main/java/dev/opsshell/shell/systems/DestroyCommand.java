package dev.opsshell.shell.systems;

import dev.opsshell.core.job.JobKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ops systems destroy ID… | --type T … [--force]}: destructive, so it asks first. */
@Command(name = "destroy", mixinStandardHelpOptions = true, description = "Destroy the machines and their records (asks y/N; --force without a terminal).")
final class DestroyCommand extends JobCommand {
    @Option(names = "--force", description = "Go ahead without asking (needed when no one is at a terminal).")
    boolean force;

    @Override
    JobKind kind() {
        return JobKind.DESTROY;
    }

    @Override
    boolean forced() {
        return force;
    }
}

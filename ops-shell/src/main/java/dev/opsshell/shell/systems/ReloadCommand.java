package dev.opsshell.shell.systems;

import dev.opsshell.core.job.JobKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ops systems reload ID… | --type T … [--force]}: destructive, so it asks first. */
@Command(name = "reload", mixinStandardHelpOptions = true, description = "Destroy systems and create them again (asks y/N; --force without a terminal).")
final class ReloadCommand extends JobCommand {
    @Option(names = "--force", description = "Go ahead without asking (needed when no one is at a terminal).")
    boolean force;

    @Override
    JobKind kind() {
        return JobKind.RELOAD;
    }

    @Override
    boolean forced() {
        return force;
    }
}

package dev.opsshell.shell.systems;

import dev.opsshell.core.job.JobKind;
import picocli.CommandLine.Command;

/** {@code ops systems provision ID… | --type T …}. */
@Command(name = "provision", mixinStandardHelpOptions = true, description = "Run each system's type plan on it (over SSH).")
final class ProvisionCommand extends JobCommand {
    @Override
    JobKind kind() {
        return JobKind.PROVISION;
    }
}

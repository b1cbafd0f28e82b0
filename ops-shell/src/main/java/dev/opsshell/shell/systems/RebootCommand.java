package dev.opsshell.shell.systems;

import dev.opsshell.core.job.JobKind;
import picocli.CommandLine.Command;

/** {@code ops systems reboot ID… | --type T …}. */
@Command(name = "reboot", mixinStandardHelpOptions = true, description = "Reboot systems.")
final class RebootCommand extends JobCommand {
    @Override
    JobKind kind() {
        return JobKind.REBOOT;
    }
}

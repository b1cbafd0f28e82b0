package dev.opsshell.shell.systems;

import dev.opsshell.core.job.JobKind;
import picocli.CommandLine.Command;

/** {@code ops systems start ID… | --type T …}. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start stopped systems.")
final class StartCommand extends JobCommand {
    @Override
    JobKind kind() {
        return JobKind.START;
    }
}

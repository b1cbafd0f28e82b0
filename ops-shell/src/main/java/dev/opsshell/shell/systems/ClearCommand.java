package dev.opsshell.shell.systems;

import dev.opsshell.core.job.JobKind;
import picocli.CommandLine.Command;

/** {@code ops systems clear ID… | --type T …}. */
@Command(name = "clear", mixinStandardHelpOptions = true, description = "Forget the records, leaving the machines as they are.")
final class ClearCommand extends JobCommand {
    @Override
    JobKind kind() {
        return JobKind.CLEAR;
    }
}

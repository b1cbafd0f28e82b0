package dev.opsshell.shell.systems;

import dev.opsshell.core.job.JobKind;
import dev.opsshell.core.text.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;

/** {@code ops systems stop ID… | --type T … [--grace 90s]}: graceful, then forced after the grace period. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Shut systems down gracefully; whatever has not stopped after the grace period is forced off.")
final class StopCommand extends JobCommand {
    @Option(names = "--grace", paramLabel = "DURATION", description = "How long a graceful shutdown may take: 90s, 2m (default: the driver's).")
    String grace;

    @Override
    JobKind kind() {
        return JobKind.STOP;
    }

    @Override
    Map<String, String> args() {
        if (grace == null) return Map.of();
        try {
            return Map.of("grace", Long.toString(Durations.parse(grace).toMillis()));
        } catch (IllegalArgumentException e) {
            throw new UsageError("--grace: " + e.getMessage());
        }
    }
}

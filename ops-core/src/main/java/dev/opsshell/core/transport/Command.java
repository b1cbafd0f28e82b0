package dev.opsshell.core.transport;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One command to run on a host: a shell line, whether to run it through sudo, how long it may run
 * before it is killed (zero: no limit), how many bytes of each stream to keep, and extra environment.
 */
public record Command(String line, boolean sudo, Duration timeout, long outputCap, Map<String, String> env) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public Command {
        Objects.requireNonNull(line, "line");
        timeout = timeout == null ? Duration.ZERO : timeout;
        env = Map.copyOf(env == null ? Map.of() : env);
        if (outputCap <= 0) throw new IllegalArgumentException("outputCap must be positive, was " + outputCap);
        for (String name : env.keySet()) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("environment variable name '" + name + "' is not a shell name:"
                        + " use letters, digits and _, not starting with a digit");
            }
        }
    }

    public static Command of(String line, Settings settings) {
        return new Command(line, false, settings.commandTimeout(), settings.outputCap(), Map.of());
    }

    public Command withSudo(boolean on) {
        return new Command(line, on, timeout, outputCap, env);
    }

    public Command withTimeout(Duration newTimeout) {
        return new Command(line, sudo, newTimeout, outputCap, env);
    }

    public Command withEnv(Map<String, String> newEnv) {
        return new Command(line, sudo, timeout, outputCap, newEnv);
    }

    public Command withOutputCap(long bytes) {
        return new Command(line, sudo, timeout, bytes, env);
    }

    @Override
    public String toString() {
        return (sudo ? "sudo " : "") + line;
    }
}

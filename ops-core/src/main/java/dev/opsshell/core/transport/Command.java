package dev.opsshell.core.transport;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One command to run on a host: a shell line, whether to run it through sudo, how long it may run
 * before it is killed (zero: no limit), how many bytes of each stream to keep, extra environment,
 * and the directory to run it in (null: where the transport starts commands: the login user's home
 * over SSH and on an agent, this process's working directory for the local transport).
 */
public record Command(String line, boolean sudo, Duration timeout, long outputCap, Map<String, String> env,
                      String directory) {
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
        if (directory != null && directory.isBlank()) directory = null;
    }

    public Command(String line, boolean sudo, Duration timeout, long outputCap, Map<String, String> env) {
        this(line, sudo, timeout, outputCap, env, null);
    }

    public static Command of(String line, Settings settings) {
        return new Command(line, false, settings.commandTimeout(), settings.outputCap(), Map.of());
    }

    public Command withSudo(boolean on) {
        return new Command(line, on, timeout, outputCap, env, directory);
    }

    public Command withTimeout(Duration newTimeout) {
        return new Command(line, sudo, newTimeout, outputCap, env, directory);
    }

    public Command withEnv(Map<String, String> newEnv) {
        return new Command(line, sudo, timeout, outputCap, newEnv, directory);
    }

    public Command withOutputCap(long bytes) {
        return new Command(line, sudo, timeout, bytes, env, directory);
    }

    /** The same command run in {@code dir} on the host, entered as the user it runs as (after sudo). */
    public Command withDirectory(String dir) {
        return new Command(line, sudo, timeout, outputCap, env, dir);
    }

    @Override
    public String toString() {
        return (directory == null ? "" : "(in " + directory + ") ") + (sudo ? "sudo " : "") + line;
    }
}

package dev.opsshell.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * Reads the common command lines without picocli: {@code ops} (the REPL), {@code ops -e CODE}
 * and {@code ops exec PATTERN -- CMD...}, each with the global options written as separate words.
 * Building picocli's model costs about 200 ms of CPU at every start, a quarter of a cold
 * {@code ops exec} (its classes are Java 5 class files, which class-data sharing cannot keep).
 * Anything else (help, version, a script, other subcommands, {@code --opt=value}, a repeated
 * option, any mistake) gives {@code null}, and picocli reads the line as before, with its messages.
 */
final class FastArgs {
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

    private FastArgs() {
    }

    /** The command these arguments ask for, or null when picocli should read them. */
    static Callable<Integer> parse(String[] args) {
        OpsCommand ops = new OpsCommand();
        ExecCommand exec = null;
        Set<String> seen = new HashSet<>();
        List<String> command = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (command != null) {
                command.add(a);
                continue;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                if (exec == null && ops.expressions.isEmpty() && a.equals("exec")) {
                    exec = new ExecCommand();
                    exec.parent = ops;
                } else if (exec != null && exec.pattern == null) {
                    exec.pattern = a;
                } else {
                    return null; // a script, or words of the command before "--"
                }
                continue;
            }
            if (a.equals("--")) {
                if (exec == null || exec.pattern == null) return null;
                command = new ArrayList<>();
                continue;
            }
            boolean flag = a.equals("--json") || a.equals("--accept-new-host-keys") || a.equals("--stream");
            if (flag) {
                if (!seen.add(a)) return null;
                if (a.equals("--json")) ops.json = true;
                else if (a.equals("--stream")) ops.stream = true;
                else ops.acceptNewHostKeys = true;
                continue;
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("-")) return null;
            String value = args[++i];
            String name = canonical(a);
            if (name == null || (!name.equals("-e") && !seen.add(name))) return null;
            switch (name) {
                case "-i" -> ops.inventory = Path.of(value);
                case "--store" -> ops.store = value;
                case "-f" -> {
                    if (!COUNT.matcher(value).matches()) return null;
                    ops.forks = Integer.parseInt(value);
                }
                case "--timeout" -> {
                    try {
                        ops.timeout = DurationConverter.parse(value);
                    } catch (RuntimeException notADuration) {
                        return null; // picocli says what is wrong with it
                    }
                }
                case "-e" -> {
                    if (exec != null) return null;
                    ops.expressions.add(value);
                }
                default -> { // --via, --hub, --hub-key
                    if (exec == null) return null;
                    if (name.equals("--via")) exec.via = value;
                    else if (name.equals("--hub")) exec.hub = value;
                    else exec.hubKey = value;
                }
            }
        }
        if (exec == null) return ops;
        if (exec.pattern == null || command == null || command.isEmpty()) return null;
        exec.command = command;
        return exec;
    }

    private static String canonical(String option) {
        return switch (option) {
            case "-i", "--inventory" -> "-i";
            case "-f", "--forks" -> "-f";
            case "--timeout", "-e", "--via", "--hub", "--hub-key", "--store" -> option;
            default -> null;
        };
    }
}

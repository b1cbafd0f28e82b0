package dev.opsshell.remote.become;

import dev.opsshell.core.transport.Command;
import dev.opsshell.remote.Quote;

/**
 * The shell line a transport runs for a command: its environment as {@code export} statements
 * (where the process environment cannot carry it: over SSH, or through sudo, which resets it),
 * then the command's own line.
 */
public final class ShellLine {
    private ShellLine() {
    }

    /** The line with the command's environment exported first. */
    public static String withExports(Command command) {
        StringBuilder s = new StringBuilder();
        command.env().forEach((k, v) -> s.append("export ").append(k).append('=').append(Quote.shell(v)).append("; "));
        return s.append(command.line()).toString();
    }
}

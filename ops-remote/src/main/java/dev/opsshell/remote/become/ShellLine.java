package dev.opsshell.remote.become;

import dev.opsshell.core.transport.Command;
import dev.opsshell.remote.Quote;

/**
 * The shell line a transport runs for a command: its environment as {@code export} statements
 * (where the process environment cannot carry it: over SSH, or through sudo, which resets it), a
 * change to its directory, then the command's own line. The directory is entered by the shell that
 * runs the command, so as the user it runs as, and a directory that cannot be entered fails the
 * command with the shell's own message and exit code 1 on every transport.
 */
public final class ShellLine {
    private ShellLine() {
    }

    /** The line with the directory change, the environment left to the process. */
    public static String of(Command command) {
        return directory(command) + command.line();
    }

    /** The line with the command's environment exported first. */
    public static String withExports(Command command) {
        StringBuilder s = new StringBuilder();
        command.env().forEach((k, v) -> s.append("export ").append(k).append('=').append(Quote.shell(v)).append("; "));
        return s.append(directory(command)).append(command.line()).toString();
    }

    private static String directory(Command command) {
        return command.directory() == null ? "" : "cd -- " + Quote.shell(command.directory()) + " || exit 1; ";
    }
}

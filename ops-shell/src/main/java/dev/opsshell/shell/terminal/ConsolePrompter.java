package dev.opsshell.shell.terminal;

import dev.opsshell.core.transport.Prompter;

import java.io.Console;
import java.util.Optional;

/**
 * Asks for secrets on the process console without echoing them, for scripts, {@code -e} and
 * {@code exec} run from a terminal. One question at a time, however many hosts ask at once, on a
 * line of its own: the progress line is paused while it waits ({@link ProgressLines#console()}).
 */
public final class ConsolePrompter implements Prompter {
    private final Console console;

    private ConsolePrompter(Console console) {
        this.console = console;
    }

    /** A console prompter when a person is at a terminal, else {@link Prompter#NONE}. */
    public static Prompter forThisProcess() {
        return Tty.interactive() ? new ConsolePrompter(System.console()) : Prompter.NONE;
    }

    @Override
    public synchronized Optional<char[]> secret(String prompt) {
        return ProgressLines.console().whilePrompting(() ->
                Optional.ofNullable(console.readPassword("%s", prompt.endsWith(" ") ? prompt : prompt + " ")));
    }

    @Override
    public synchronized Optional<String> line(String prompt) {
        return ProgressLines.console().whilePrompting(() ->
                Optional.ofNullable(console.readLine("%s", prompt.endsWith(" ") ? prompt : prompt + " ")));
    }
}

package dev.opsshell.shell.terminal;

import dev.opsshell.core.transport.Prompter;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Asks for a passphrase or sudo password at the REPL's terminal: masked, kept out of the history,
 * one question at a time however many hosts ask, on a line of its own (the progress line of a
 * running fan-out is paused meanwhile). Works while a snippet runs (it takes the keyboard from the
 * {@link InterruptWatcher}). Ctrl-C or Ctrl-D answers nothing.
 */
final class TerminalPrompter implements Prompter {
    private final Terminal terminal;
    private final ReentrantLock inputLock;
    private final Attributes cooked;
    private final ProgressLines progress;

    TerminalPrompter(Terminal terminal, ReentrantLock inputLock, ProgressLines progress) {
        this.terminal = terminal;
        this.inputLock = inputLock;
        this.cooked = terminal.getAttributes();
        this.progress = progress;
    }

    @Override
    public Optional<char[]> secret(String prompt) {
        return progress.whilePrompting(() -> ask(prompt, '*')).map(String::toCharArray);
    }

    @Override
    public Optional<String> line(String prompt) {
        return progress.whilePrompting(() -> ask(prompt, null));
    }

    private Optional<String> ask(String prompt, Character mask) {
        inputLock.lock();
        Attributes during = terminal.getAttributes();
        try {
            terminal.setAttributes(cooked);
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("ops-secret")
                    .variable(LineReader.DISABLE_HISTORY, true).build();
            return Optional.of(reader.readLine(prompt.endsWith(" ") ? prompt : prompt + " ", mask));
        } catch (UserInterruptException | EndOfFileException e) {
            return Optional.empty();
        } finally {
            terminal.setAttributes(during);
            inputLock.unlock();
        }
    }
}

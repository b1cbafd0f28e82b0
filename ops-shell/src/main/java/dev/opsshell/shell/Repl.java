package dev.opsshell.shell;

import dev.opsshell.core.Session;
import dev.opsshell.core.inventory.InventoryException;
import dev.opsshell.core.run.Progress;
import dev.opsshell.core.transport.Prompter;
import dev.opsshell.shell.repl.Evaluator;
import dev.opsshell.shell.repl.ScriptRunner;
import dev.opsshell.shell.terminal.TerminalRepl;
import dev.opsshell.shell.terminal.Tty;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The read-eval-print loop. At a terminal: the JLine editor ({@link TerminalRepl}). With input
 * piped in ({@code ops < tour.jsh}): the same evaluation and echo, no prompt, no editor, no
 * progress line, each snippet as soon as its lines have arrived; it goes on past errors and exits
 * with 1 (2 for an inventory error) if any snippet failed, else with the last Results' code.
 */
final class Repl {
    private Repl() {
    }

    static int run(Options options) {
        if (Tty.interactive()) return TerminalRepl.run(options);
        return piped(options);
    }

    private static int piped(Options options) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Session session = options.openSession(System.out, Prompter.NONE, Progress.Factory.NONE);
             Evaluator evaluator = new Evaluator(true, true)) {
            evaluator.recordSnippetsAsShellRuns();
            evaluator.library().load(options.libraryFolders()).problems().forEach(System.err::println);
            return new ScriptRunner(evaluator, System.out, System.err, true, false).run("stdin", in);
        } catch (InventoryException e) {
            System.err.println("ops: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}

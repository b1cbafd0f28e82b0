package dev.opsshell.shell;

import dev.opsshell.core.Session;
import dev.opsshell.core.history.RunSource;
import dev.opsshell.remote.history.SessionHistory;
import dev.opsshell.core.inventory.InventoryException;
import dev.opsshell.core.run.Progress;
import dev.opsshell.shell.repl.Echo;
import dev.opsshell.shell.repl.Evaluator;
import dev.opsshell.shell.repl.Reply;
import dev.opsshell.shell.repl.ScriptRunner;
import dev.opsshell.shell.repl.Shell;
import dev.opsshell.shell.terminal.ConsolePrompter;
import dev.opsshell.shell.terminal.CtrlC;
import dev.opsshell.shell.terminal.ProgressLine;
import dev.opsshell.shell.terminal.Tty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Running {@code ops} without the REPL: a saved script ({@code ops deploy.jsh web}) or a one-liner
 * ({@code ops -e 'localhost().exec("uptime")'}). Results on stdout, errors on stderr; the exit code
 * is the worst of every step's results (0/4/5) unless the script chose one ({@code exitCode(n)},
 * {@code exit(n)}, {@code /exit n}), 1 for a script's own error, 2 for an inventory error or
 * missing arguments ({@code args(n, usage)}).
 */
final class Batch {
    private Batch() {
    }

    static int oneLiner(Options options, String code) {
        // no args: a one-liner takes none
        return run(options, "-e", code, Optional.empty(), true, RunSource.oneLiner("ops -e " + code));
    }

    static int script(Options options, Path file, List<String> args) {
        if (!Files.isRegularFile(file)) {
            System.err.println("ops: no script file " + file + "; to run a command write ops exec PATTERN -- CMD,"
                    + " and see ops --help for the others");
            return ExitCodes.USAGE;
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            System.err.println("ops: cannot read script " + file + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (text.startsWith("#!")) text = "//" + text.substring(2); // allow '#!/usr/bin/env ops' lines
        return run(options, file.toString(), text, Optional.of(args), false,
                RunSource.script(file.toAbsolutePath().normalize().toString()));
    }

    private static int run(Options options, String name, String text, Optional<List<String>> args, boolean echo,
                           RunSource source) {
        // JShell's start (javac's, mostly: most of a one-liner's time) runs while the session opens
        CompletableFuture<Evaluator> starting = CompletableFuture.supplyAsync(
                () -> new Evaluator(new Echo(false, echo && options.json()), false));
        CtrlC.cancelFanoutsFirst();
        Progress.Factory progress = ProgressLine.forThisProcess(options.stream());
        try (Session session = options.openSession(System.out, ConsolePrompter.forThisProcess(), progress);
             Evaluator evaluator = opened(session, starting)) {
            session.colour(Tty.interactive());
            evaluator.library().load(options.libraryFolders()).problems().forEach(System.err::println);
            if (args.isPresent()) {
                Reply a = evaluator.eval(argsDeclaration(args.get()));
                if (a.failed()) throw new IllegalStateException("could not define args: " + a.error());
            }
            Shell.scriptArgs(args.orElse(List.of()));
            return during(source, () -> new ScriptRunner(evaluator, System.out, System.err, echo, true).run(name, text));
        } catch (InventoryException e) {
            starting.thenAccept(Evaluator::close);
            System.err.println("ops: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /** The evaluator once JShell is up; the history store opens meanwhile, on its own thread. */
    private static Evaluator opened(Session session, CompletableFuture<Evaluator> starting) {
        SessionHistory.openStoreSoon(session);
        return starting.join();
    }

    /** Runs {@code work} with every run it starts recorded in history as coming from {@code source}. */
    static <T> T during(RunSource source, java.util.function.Supplier<T> work) {
        try {
            return RunSource.during(source, work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // work declares no checked exception
        }
    }

    /** {@code String[] args = {"a", "b"};} with each argument as an escaped Java literal. */
    static String argsDeclaration(List<String> args) {
        return "String[] args = {" + args.stream().map(Echo::literal).collect(Collectors.joining(", ")) + "};";
    }
}

package dev.opsshell.shell.terminal;

import dev.opsshell.core.Session;
import dev.opsshell.remote.history.SessionHistory;
import dev.opsshell.core.inventory.InventoryException;
import dev.opsshell.core.run.Fanout;
import dev.opsshell.shell.ExitCodes;
import dev.opsshell.shell.Main;
import dev.opsshell.shell.Options;
import dev.opsshell.shell.repl.Commands;
import dev.opsshell.shell.repl.Evaluator;
import dev.opsshell.shell.repl.Library;
import dev.opsshell.shell.repl.LibraryWatcher;
import dev.opsshell.shell.repl.Reply;
import dev.opsshell.shell.repl.ScriptExit;
import dev.opsshell.shell.repl.ScriptRunner;
import dev.opsshell.shell.repl.SnippetParser;
import dev.opsshell.shell.repl.Snippets;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The interactive shell at a terminal: JLine editing with history in {@code ~/.ops/history},
 * continuation lines for unfinished snippets, Tab completion, a progress line for long fan-outs,
 * Ctrl-C to cancel a run (twice to stop a snippet that is not a fan-out), Ctrl-D to leave.
 * JShell starts in the background once the editor is up, while the first prompt is shown, and
 * loads the operator's library; a library file saved while the shell runs is loaded again and
 * reported above the line being typed.
 */
public final class TerminalRepl {
    static final String PROMPT = "ops> ";
    static final String CONTINUATION = "...> ";
    private static final String RED = "\033[31m";
    private static final String DIM = "\033[2m";
    private static final String RESET = "\033[0m";

    private final Terminal terminal;
    private final List<Path> libraryFolders;
    private volatile CompletableFuture<Evaluator> evaluator;
    private volatile LineReader reader;
    private volatile LibraryWatcher watcher;
    private final ReentrantLock inputLock = new ReentrantLock(true);
    private final AtomicInteger ctrlC = new AtomicInteger();
    private String typedAhead = "";
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    private TerminalRepl(Terminal terminal, CompletableFuture<Evaluator> evaluator, List<Path> libraryFolders) {
        this.terminal = terminal;
        this.evaluator = evaluator;
        this.libraryFolders = libraryFolders;
    }

    public static int run(Options options) {
        // JShell's start (javac's, mostly: the bulk of the time to the first answer) begins at once, on the
        // other core, while the terminal and the editor are set up; the library is loaded once the session is
        CompletableFuture<Evaluator> jshell = CompletableFuture.supplyAsync(() -> new Evaluator(true, true));
        CompletableFuture<Evaluator> evaluator = new CompletableFuture<>();
        // JNI first (fastest to start; the native part ships in the jline jar), exec as the fallback;
        // probing the other providers costs startup time and brings nothing here
        try (Terminal terminal = TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8)
                .providers("jni,exec").build()) {
            TerminalRepl repl = new TerminalRepl(terminal, evaluator, options.libraryFolders());
            ProgressLines progress = new ProgressLines(terminal.writer());
            try (Session session = options.openSession(System.out, new TerminalPrompter(terminal, repl.inputLock, progress),
                    progress.factory(() -> Session.current().settings().stream()))) {
                session.colour(true);
                session.columns(terminal::getWidth);
                return repl.loop(jshell);
            } finally {
                repl.stopWatching();
                repl.evaluator.thenAccept(Evaluator::close);
            }
        } catch (InventoryException e) {
            System.err.println("ops: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            System.err.println("ops: cannot open the terminal: " + e.getMessage());
            return ExitCodes.SCRIPT_ERROR;
        }
    }

    private int loop(CompletableFuture<Evaluator> jshell) throws IOException {
        reader = reader();
        SessionHistory.reportTo(line -> reader.printAbove(line)); // a failing history store, said once above the prompt
        jshell.whenCompleteAsync((started, failed) -> {
            if (failed != null) {
                evaluator.completeExceptionally(failed);
                return;
            }
            try {
                Library.Report problems = loadLibrary(started);
                started.recordSnippetsAsShellRuns();
                // completed before printing: a line typed meanwhile waits for it holding the terminal's lock
                evaluator.complete(started);
                report(problems);
                watcher = LibraryWatcher.start(() -> evaluator().library(), this::report);
            } catch (RuntimeException | Error e) {
                evaluator.completeExceptionally(e);
            } catch (IOException e) {
                report(new Library.Report(List.of(), List.of("library files saved from now on are not reloaded by themselves"
                        + " (" + e.getMessage() + "); /reload loads them")));
            }
        });
        // after JShell: the prompt comes first
        InShellHub.startInBackground(Session.current(), evaluator, line -> reader.printAbove(line));
        // notices and notifier failures from other threads print above the line being typed
        dev.opsshell.remote.schedule.SessionNotify.install(Session.current(), line -> reader.printAbove(line), false);
        terminal.handle(Terminal.Signal.INT, signal -> interrupt()); // in case a SIGINT arrives anyway
        out.println(DIM + "ops " + versionWord() + " · help() lists the vocabulary · Tab completes · Ctrl-D exits" + RESET);
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt clears the line
                } catch (EndOfFileException e) {
                    return evaluator().lastExitCode();
                }
                if (line.isBlank()) continue;
                Commands.Outcome o = evaluate(line);
                if (o.exit()) return o.code();
                if (!typedAhead.isEmpty()) reader.runMacro(typedAhead); // keys typed while it ran
                typedAhead = "";
            }
        } finally {
            reader.getHistory().save();
        }
    }

    private Commands.Outcome evaluate(String line) {
        Evaluator ev = evaluator();
        if (line.strip().equals("/reset")) {
            reset(ev);
            return Commands.Outcome.CONTINUE;
        }
        Session.current().reloadInventoryIfChanged().ifPresent(notice -> out.println(DIM + notice + RESET));
        if (ScriptRunner.isCommand(line)) return Commands.run(line.strip(), ev, out, err);
        return ev.exclusively(() -> evaluateAlone(ev, line)); // a library reload waits until this line is done
    }

    private Commands.Outcome evaluateAlone(Evaluator ev, String line) {
        ctrlC.set(0);
        ScriptExit exit = null;
        try (InterruptWatcher watching = InterruptWatcher.start(terminal, inputLock, this::interrupt, this::keepCancelling)) {
            Snippets.Split split = ev.split(line);
            List<String> snippets = new ArrayList<>(split.complete());
            if (split.unfinished()) snippets.add(split.remainder()); // evaluated for its error message
            for (String snippet : snippets) {
                Reply reply = ev.eval(snippet);
                exit = ScriptExit.of(reply);
                // after an error, exit(n) or Ctrl-C the rest of the line is skipped
                if (exit != null || !show(reply) || ctrlC.get() != 0) break;
            }
            watching.close();
            typedAhead = watching.typedAhead();
        }
        if (exit != null) return new Commands.Outcome(true, exit.code()); // exit(n) typed at the prompt
        if (ctrlC.get() > 1) err.println(RED + "stopped (Ctrl-C twice)" + RESET);
        return Commands.Outcome.CONTINUE;
    }

    /** Prints a reply; false when it was an error (the rest of the line is skipped). */
    private boolean show(Reply reply) {
        reply.echo().forEach(out::println);
        out.flush();
        if (reply.failed()) {
            err.println(RED + reply.error() + RESET);
            err.flush();
            return false;
        }
        return true;
    }

    /** Ctrl-C while a snippet runs: cancel the fan-outs; pressed again, stop the snippet itself. */
    private void interrupt() {
        int n = ctrlC.incrementAndGet();
        Fanout.cancelAll();
        if (n == 1) {
            terminal.writer().print("\r\033[K^C cancelling (press Ctrl-C again to stop the snippet itself)\n");
            terminal.writer().flush();
        } else if (evaluator.isDone()) {
            evaluator.join().stop();
        }
    }

    /** {@code /reset}: a fresh JShell with the library loaded again; the session, its settings and open connections stay. */
    private void reset(Evaluator old) {
        Evaluator fresh = new Evaluator(true, true);
        fresh.recordSnippetsAsShellRuns();
        Library.Report problems = loadLibrary(fresh);
        evaluator = CompletableFuture.completedFuture(fresh);
        old.close();
        report(problems);
        out.println("reset: every variable, method and class typed so far is forgotten; the session and its connections stay");
    }

    /** Loads the library into a new evaluator; returns what did not load, to be said once the evaluator is in use. */
    private Library.Report loadLibrary(Evaluator ev) {
        Library.Report r = ev.library().load(libraryFolders);
        ev.library().whenDirectoriesChange(() -> {
            LibraryWatcher w = watcher;
            if (w != null) w.refresh();
        });
        return new Library.Report(List.of(), r.problems());
    }

    /** Prints a library report above the line being typed, which JLine then draws again as it was. */
    private void report(Library.Report r) {
        if (r.isEmpty()) return;
        StringBuilder s = new StringBuilder();
        r.changes().forEach(c -> s.append(c).append('\n'));
        r.problems().forEach(p -> s.append(RED).append(p).append(RESET).append('\n'));
        LineReader lr = reader;
        if (lr != null) lr.printAbove(s.toString());
    }

    private void stopWatching() {
        LibraryWatcher w = watcher;
        if (w == null) return;
        try {
            w.close();
        } catch (IOException e) {
            err.println("ops: closing the library watcher: " + e.getMessage());
        }
    }

    /** Once Ctrl-C was pressed, a fan-out that starts later in the same evaluation is cancelled too. */
    private void keepCancelling() {
        if (ctrlC.get() > 0) Fanout.cancelAll();
    }

    private Evaluator evaluator() {
        return evaluator.join();
    }

    private LineReader reader() throws IOException {
        Path history = Path.of(System.getProperty("user.home"), ".ops", "history");
        Files.createDirectories(history.getParent());
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("ops")
                .parser(new SnippetParser(this::evaluator))
                .completer(new ShellCompleter())
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, 10_000)
                .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                // what is typed is what runs: with an indentation, JLine deletes up to that many spaces
                // before a closing bracket whose opening one is earlier on the line ("[ -d /tmp ]" became
                // "[ -d /tmp]"), in string literals too; the JDK's jshell leaves it at 0 as well
                .variable(LineReader.INDENTATION, 0)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is Java's not, not history
                .option(LineReader.Option.INSERT_TAB, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .build();
    }

    private static String versionWord() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}

package dev.opsshell.shell.repl;

import dev.opsshell.core.pipeline.Stage;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.history.RunSource;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A JShell running in this JVM with the ops toolkit on its class path and vocabulary imported:
 * splits input into snippets, evaluates them one at a time and turns what happened into a short
 * {@link Reply}. Remembers the exit code of the last Results evaluated (what a script or one-liner
 * exits with) and the last exception (for {@code /trace} and {@code lastError()}).
 * JShell itself is not thread-safe: every use of it here takes one lock, so the library can be
 * reloaded from a file watcher's thread while the operator types ({@link #exclusively}).
 */
public final class Evaluator implements AutoCloseable {
    /** What every session starts with: the vocabulary and the types it returns. */
    static final List<String> STARTUP = List.of(
            "import static dev.opsshell.remote.Ops.*;",
            "import static dev.opsshell.remote.AgentOps.*;",
            "import static dev.opsshell.remote.SystemsOps.*;",
            "import static dev.opsshell.remote.ScheduleOps.*;",
            "import static dev.opsshell.remote.Everyday.*;",
            "import static dev.opsshell.remote.MetricsOps.*;",
            // single types, not core.metrics.*: its helper classes' names need not be reserved at the prompt
            "import dev.opsshell.core.metrics.Sample;",
            "import dev.opsshell.core.metrics.Samples;",
            "import dev.opsshell.core.metrics.Family;",
            "import dev.opsshell.core.metrics.MetricQuery;",
            "import dev.opsshell.core.metrics.SampleRound;",
            "import static dev.opsshell.remote.check.Checks.*;",
            "import static dev.opsshell.remote.Reports.*;",
            "import static dev.opsshell.remote.HistoryOps.*;",
            "import dev.opsshell.remote.check.*;",
            "import static dev.opsshell.shell.repl.Shell.*;",
            "import dev.opsshell.core.Session;",
            "import dev.opsshell.core.host.*;",
            "import dev.opsshell.core.result.*;",
            "import dev.opsshell.core.pipeline.*;",
            "import dev.opsshell.core.facts.*;",
            "import dev.opsshell.core.inventory.Inventory;",
            "import dev.opsshell.core.transport.Settings;",
            // systems: none of their names is also in the packages below (Type is core's, java.lang.reflect is not imported)
            "import dev.opsshell.core.fleet.*;",
            "import dev.opsshell.core.system.*;",
            "import dev.opsshell.core.job.*;",
            "import dev.opsshell.core.schedule.ScheduleState;",
            "import dev.opsshell.core.schedule.StoredAction;",
            "import dev.opsshell.core.history.History;",
            "import dev.opsshell.core.history.RunDetail;",
            "import dev.opsshell.core.history.RunRecord;",
            "import dev.opsshell.core.history.HostRecord;",
            "import java.time.*;",
            "import java.util.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import java.nio.file.*;",
            "import java.io.*;");

    /**
     * {@link #STARTUP} as one snippet: JShell compiles an import snippet once, however many imports
     * it holds, while fifteen snippets cost fifteen compiles (about a sixth of a one-liner's CPU).
     */
    static final String STARTUP_SNIPPET = String.join(" ", STARTUP);

    private final JShell jshell;
    private final ReentrantLock lock = new ReentrantLock();
    private final Library library = new Library(this);
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private final CapturingExecutionControl.Captured captured = new CapturingExecutionControl.Captured();
    private final LambdaSources lambdas = new LambdaSources();
    private final Echo echo;
    private final boolean announceDeclarations;
    private volatile int lastExitCode;
    private volatile boolean shellRuns;
    private volatile Throwable lastError;

    /**
     * @param quoteStrings         show string values as Java literals (the prompt) or raw (one-liners)
     * @param announceDeclarations say "created method …" when a method or type is declared (the prompt)
     */
    public Evaluator(boolean quoteStrings, boolean announceDeclarations) {
        this(new Echo(quoteStrings), announceDeclarations);
    }

    /** An evaluator that shows values through {@code echo}. */
    public Evaluator(Echo echo, boolean announceDeclarations) {
        this(echo, announceDeclarations, true);
    }

    /** A second JShell beside the shell's (a provisioning recipe's): {@code lastError()} stays the shell's. */
    static Evaluator aside() {
        return new Evaluator(new Echo(false), false, false);
    }

    private Evaluator(Echo echo, boolean announceDeclarations, boolean theShells) {
        this.echo = echo.describingLambdasBy(lambdas);
        captured.lambdaText(lambdas::describe);
        this.announceDeclarations = announceDeclarations;
        this.jshell = JShell.builder().executionEngine(new CapturingEngine(captured), Map.of()).build();
        ClassPath.ofThisJvm().forEach(jshell::addToClasspath);
        Reply r = eval(STARTUP_SNIPPET);
        if (r.failed()) throw new IllegalStateException("the shell's startup imports failed: " + r.error());
        if (theShells) Shell.attach(this);
    }

    JShell jshell() {
        return jshell;
    }

    SourceCodeAnalysis analysis() {
        return jshell.sourceCodeAnalysis();
    }

    /** The operator's library of {@code .jsh} files loaded into this JShell. */
    public Library library() {
        return library;
    }

    /**
     * Runs {@code work} with this JShell to itself: an evaluation, a command, and a library reload
     * from another thread never overlap. Reentrant. Never wait for the terminal's own lock in here.
     */
    public <T> T exclusively(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Splits input into complete snippets and what is left over, unfinished. */
    public Snippets.Split split(String input) {
        return exclusively(() -> Snippets.split(analysis(), input));
    }

    /** JShell's completion candidates for {@code line} at {@code cursor}; {@code anchor[0]} is set to where the word starts. */
    List<SourceCodeAnalysis.Suggestion> completions(String line, int cursor, int[] anchor) {
        return exclusively(() -> analysis().completionSuggestions(line, cursor, anchor));
    }

    /**
     * From now on, runs a snippet starts are recorded in history as typed at the shell, with the
     * snippet as their source (the prompt and piped input; a script or one-liner sets its own source
     * around the whole run instead).
     */
    public void recordSnippetsAsShellRuns() {
        shellRuns = true;
    }

    private List<SnippetEvent> evalAsShellRun(String source) {
        try {
            return RunSource.during(RunSource.shell(source.strip()), () -> jshell.eval(source));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // jshell.eval declares no checked exception
        }
    }

    /** Evaluates one complete snippet typed at the prompt. */
    public Reply eval(String source) {
        return eval(source, null);
    }

    /**
     * Evaluates one complete snippet that came from {@code origin} (a script and the line the
     * snippet starts on), so errors in it, now or later, are reported as {@code file:line}.
     */
    public Reply eval(String source, Origin origin) {
        return evaluate(source, origin).reply();
    }

    /** A reply and every event JShell reported for it (the library needs them to undo a reload). */
    record Evaluated(Reply reply, List<SnippetEvent> events) {
    }

    Evaluated evaluate(String source, Origin origin) {
        return exclusively(() -> {
            captured.reset(); // a declaration runs nothing: it must not see the previous snippet's value
            List<SnippetEvent> events = shellRuns ? evalAsShellRun(source) : jshell.eval(source);
            lambdas.learn(events, captured.takeLoaded());
            return new Evaluated(reply(source, origin, events), events);
        });
    }

    private Reply reply(String source, Origin origin, List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            if (origin != null && e.causeSnippet() == null) origins.put(e.snippet().id(), origin);
        }
        List<String> out = new ArrayList<>();
        Object value = null;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) continue; // a dependent snippet updated: nothing to say
            Snippet s = e.snippet();
            if (e.status() == Snippet.Status.REJECTED) return compileError(s, source);
            if (e.exception() != null) {
                Throwable t = captured.error();
                lastError = t;
                return new Reply(Reply.Status.EXCEPTION, out, ErrorFormat.exception(e.exception(), this::place), null, t,
                        ErrorFormat.lineIn(e.exception(), s.id()));
            }
            Object v = captured.value();
            if (v != CapturingExecutionControl.Captured.NONE) {
                value = v;
                track(v);
            }
            describe(e, v).ifPresent(out::add);
        }
        return Reply.ok(out, value);
    }

    private Optional<String> describe(SnippetEvent e, Object v) {
        Snippet s = e.snippet();
        return switch (s.kind()) {
            case EXPRESSION -> v != CapturingExecutionControl.Captured.NONE ? echo.of(v) : lambdaIn(e).or(() -> jshellText(e));
            case VAR -> s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    ? echo.of(v) : echo.ofVariable(((jdk.jshell.VarSnippet) s).name(), v);
            case METHOD, TYPE_DECL -> announceDeclarations ? Optional.of(Declarations.describe(jshell, e)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * A variable typed alone is echoed from JShell's text of its value, which for a lambda is its
     * class name: asking JShell for that text again lets the execution engine keep the lambda itself.
     * Only then: asking again runs any other value's {@code toString()} a second time.
     */
    private Optional<String> lambdaIn(SnippetEvent e) {
        Snippet s = e.snippet();
        if (s.subKind() != Snippet.SubKind.VAR_VALUE_SUBKIND) return Optional.empty();
        if (e.value() == null || !e.value().contains("$Lambda")) return Optional.empty(); // as JShell shows one: $Lambda$N/0x…@…
        String name = ((jdk.jshell.ExpressionSnippet) s).name();
        jshell.variables().filter(var -> var.name().equals(name) && jshell.status(var).isActive())
                .findFirst().ifPresent(jshell::varValue);
        Object v = captured.value();
        return v != CapturingExecutionControl.Captured.NONE ? echo.of(v) : Optional.empty();
    }

    /** A value JShell only gave us as text (a plain variable reference): show that text. */
    private static Optional<String> jshellText(SnippetEvent e) {
        return e.value() == null || e.value().isEmpty() ? Optional.empty() : Optional.of(e.value());
    }

    private void track(Object v) {
        if (v instanceof Results r) lastExitCode = r.exitCode();
        else if (v instanceof Stage st) lastExitCode = st.results().exitCode();
    }

    private Reply compileError(Snippet s, String source) {
        Optional<Diag> diag = jshell.diagnostics(s).filter(Diag::isError).findFirst();
        if (diag.isEmpty()) {
            return new Reply(Reply.Status.COMPILE_ERROR, List.of(), "error: JShell rejected this snippet", null, null, 1);
        }
        String text = s.source() == null ? source : s.source();
        return new Reply(Reply.Status.COMPILE_ERROR, List.of(), ErrorFormat.diagnostic(diag.get(), text), null, null,
                ErrorFormat.diagnosticLine(diag.get(), text));
    }

    /** Where a snippet came from: a script's name and the line it starts on. */
    record Origin(String name, int line) {
    }

    /** Says that snippet {@code id} now starts at {@code origin} (a library file's unchanged snippet moved). */
    void origin(String id, Origin origin) {
        origins.put(id, origin);
    }

    /** A stack frame's place: {@code script.jsh:12} for script snippets, {@code #id:line} for typed ones. */
    private String place(StackTraceElement f) {
        String file = f.getFileName();
        Origin o = file != null && file.startsWith("#") ? origins.get(file.substring(1)) : null;
        if (o == null) return file + ":" + f.getLineNumber();
        return o.name() + ":" + (o.line() + Math.max(1, f.getLineNumber()) - 1);
    }

    /** The exit code of the last Results (or pipeline) a snippet produced: 0, 4 or 5. */
    public int lastExitCode() {
        return lastExitCode;
    }

    /** The last exception a snippet threw, with its full stack trace, or null. */
    Throwable lastError() {
        return lastError;
    }

    /** Stops a running snippet the hard way (JShell's own stop), when cancelling a fan-out was not enough. */
    public void stop() {
        jshell.stop();
    }

    /** Closes JShell once no evaluation or reload is using it. */
    @Override
    public void close() {
        exclusively(() -> {
            jshell.close();
            return null;
        });
    }
}

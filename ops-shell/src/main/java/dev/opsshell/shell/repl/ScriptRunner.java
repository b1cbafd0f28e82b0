package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;
import dev.opsshell.shell.ExitCodes;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;

/**
 * Runs a whole text — a saved {@code .jsh} script, a one-liner, piped input — the way the prompt
 * would: line by line, evaluating each snippet as soon as it is complete, with shell commands
 * such as {@code /exit 3} on lines of their own. A line starting with '.' continues the snippet
 * above it ({@code hosts("web")} then {@code .exec("uptime")}), which the prompt cannot know.
 * Errors are reported as {@code name:line: message}. With {@code stopOnError} the first compile
 * error or exception ends the run (exit 1, or 2 for an inventory error); otherwise it goes on.
 * A run that ends normally exits with the worst code of every step it took (the session's
 * {@link dev.opsshell.core.result.ExitStatus}: 4 or 5 when any host failed at any step, even if the
 * last step succeeded on the hosts left), unless it chose one ({@code exitCode(0)}); {@code exit(n)}
 * and {@code /exit n} end it at once.
 */
public final class ScriptRunner {
    private static final int LOOKAHEAD = 1 << 16;
    private final Evaluator evaluator;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean echo;
    private final boolean stopOnError;
    private String name;
    private String pending = "";
    private int pendingLine;
    private int failure = -1;
    private Integer exitRequested;

    public ScriptRunner(Evaluator evaluator, PrintStream out, PrintStream err, boolean echo, boolean stopOnError) {
        this.evaluator = evaluator;
        this.out = out;
        this.err = err;
        this.echo = echo;
        this.stopOnError = stopOnError;
    }

    /** Runs {@code text}; returns the exit code: the run's (worst of its steps, or chosen), or the error's. */
    public int run(String name, String text) {
        return run(name, new BufferedReader(new StringReader(text)));
    }

    /**
     * Runs what {@code in} delivers, a snippet as soon as it is complete (so piped input from a
     * person typing is answered line by line). Returns the exit code as {@link #run(String, String)}.
     */
    public int run(String name, BufferedReader in) {
        this.name = name;
        int number = 0;
        for (String line = read(in); line != null; line = read(in)) {
            number++;
            if (pending.isBlank()) {
                if (line.isBlank()) continue;
                if (isCommand(line)) {
                    Commands.Outcome o = Commands.run(line.strip(), evaluator, out, err);
                    if (o.exit()) return line.strip().equals("/exit") ? runCode() : o.code();
                    continue;
                }
                pending = "";
                pendingLine = number;
            }
            pending += line + "\n";
            if (nextStartsWithDot(in)) continue;
            boolean ok = drain();
            if (exitRequested != null) return exitRequested;
            if (!ok && stopOnError) return failure;
        }
        if (!pending.isBlank()) {
            err.println(name + ":" + pendingLine + ": error: the snippet starting here is not finished "
                    + "(a missing ';', ')' or '}'?)");
            return ExitCodes.SCRIPT_ERROR;
        }
        return failure >= 0 ? failure : runCode();
    }

    /** How a run that got to its end exits: the code it chose, else the worst of all its steps. */
    private static int runCode() {
        return Session.current().exitStatus().code();
    }

    private String read(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            err.println(name + ": cannot read further: " + e.getMessage());
            return null;
        }
    }

    /** Evaluates every complete snippet in the pending text; false when one failed. */
    private boolean drain() {
        SourceCodeAnalysis analysis = evaluator.analysis();
        String rest = pending;
        int line = pendingLine;
        boolean ok = true;
        while (!rest.isBlank()) {
            int lead = 0;
            while (Character.isWhitespace(rest.charAt(lead))) lead++;
            line += newlines(rest, 0, lead);
            rest = rest.substring(lead);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                rest = "";
                break;
            }
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) break;
            String remaining = c == Completeness.UNKNOWN || info.remaining() == null ? "" : info.remaining();
            String source = info.source() == null ? rest : info.source();
            ok &= show(evaluator.eval(source, new Evaluator.Origin(name, line)), line, source);
            int consumed = rest.length() - remaining.length();
            line += newlines(rest, 0, consumed);
            rest = remaining;
            if (exitRequested != null || (!ok && stopOnError)) break;
        }
        pending = rest;
        pendingLine = line;
        return ok;
    }

    private boolean show(Reply reply, int line, String source) {
        if (echo) reply.echo().forEach(out::println);
        out.flush();
        if (!reply.failed()) return true;
        ScriptExit exit = ScriptExit.of(reply);
        if (exit != null) {
            if (exit.getMessage() != null) err.println(name + ": " + exit.getMessage());
            err.flush();
            exitRequested = exit.code();
            return false;
        }
        String error = MissingArgument.explain(reply.thrown(), source, name).orElse(reply.error());
        err.println(name + ":" + (line + Math.max(0, reply.line() - 1)) + ": " + error);
        err.flush();
        failure = reply.thrown() != null ? ExitCodes.forError(reply.thrown()) : ExitCodes.SCRIPT_ERROR;
        return false;
    }

    /** A '/' followed by a letter at the start of a line is a shell command, not Java. */
    public static boolean isCommand(String line) {
        String s = line.strip();
        return s.length() > 1 && s.charAt(0) == '/' && Character.isLetter(s.charAt(1));
    }

    /**
     * Whether the next non-blank line, if it has already arrived, starts with '.' (continuing the
     * snippet above). Input still being typed is not waited for.
     */
    private static boolean nextStartsWithDot(BufferedReader in) {
        try {
            if (!in.ready()) return false;
            in.mark(LOOKAHEAD);
            try {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    String s = l.strip();
                    if (!s.isEmpty()) return s.startsWith(".") && !s.startsWith("...");
                    if (!in.ready()) return false;
                }
                return false;
            } finally {
                in.reset();
            }
        } catch (IOException e) {
            return false; // a line longer than the look-ahead, or a closed stream: no continuation
        }
    }

    private static int newlines(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) if (s.charAt(i) == '\n') n++;
        return n;
    }
}

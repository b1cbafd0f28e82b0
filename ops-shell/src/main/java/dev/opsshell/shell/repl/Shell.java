package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * What the shell itself offers to code at the prompt (imported statically at startup), beside
 * the operations vocabulary in {@code Ops}: {@code lastError()} is the full exception the shell
 * showed in one line; {@code exit(n)}, {@code exitCode(n)} and {@code args(n, usage)} are how a
 * script says how it ends and what it needs.
 */
public final class Shell {
    private static volatile Evaluator evaluator;
    private static volatile List<String> scriptArgs; // null at the prompt

    private Shell() {
    }

    static void attach(Evaluator e) {
        evaluator = e;
    }

    /** The last exception a snippet threw, with its whole stack trace; null when none was thrown. */
    public static Throwable lastError() {
        Evaluator e = evaluator;
        return e == null ? null : e.lastError();
    }

    /** The arguments the script (or one-liner) was given; the prompt has none. */
    public static void scriptArgs(List<String> args) {
        scriptArgs = List.copyOf(args);
    }

    /** Ends the script now with exit code {@code code} (at the prompt: leaves the shell, as /exit does). */
    public static void exit(int code) {
        throw new ScriptExit(code, null);
    }

    /**
     * The code the script ends with when it gets to its end, whatever its hosts did: without it, a
     * script ends with the worst code of all its steps (4 or 5 when any host failed at any step).
     * {@code exitCode(0)} says the script handles failed hosts itself.
     */
    public static void exitCode(int code) {
        Session.current().exitStatus().choose(code);
    }

    /**
     * The script's arguments, when it was given at least {@code n}; otherwise ends it with exit code
     * 2 and {@code usage} on stderr: {@code var version = args(1, "usage: deploy.jsh VERSION")[0];}
     */
    public static String[] args(int n, String usage) {
        List<String> given = scriptArgs;
        if (given == null) {
            throw new IllegalStateException("args(…) is for scripts: ops SCRIPT.jsh ARG… gives them, the prompt has none");
        }
        if (given.size() >= n) return given.toArray(String[]::new);
        throw new ScriptExit(2, "expected " + count(n) + ", got " + (given.isEmpty() ? "none" : given.size())
                + "\n" + usage);
    }

    /** How many arguments the script was given, or -1 at the prompt. */
    static int given() {
        List<String> given = scriptArgs;
        return given == null ? -1 : given.size();
    }

    static String count(int n) {
        return n == 1 ? "1 argument" : n + " arguments";
    }

    /** The full stack trace of {@link #lastError()}, as text. */
    static String trace() {
        Throwable t = lastError();
        if (t == null) return "no exception so far";
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString().stripTrailing();
    }
}

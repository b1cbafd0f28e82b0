package dev.opsshell.shell.repl;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What the shell itself offers to code at the prompt (imported statically at startup), beside
 * the operations vocabulary in {@code Ops}: {@code lastError()} is the full exception the shell
 * showed in one line.
 */
public final class Shell {
    private static volatile Evaluator evaluator;

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

    /** The full stack trace of {@link #lastError()}, as text. */
    static String trace() {
        Throwable t = lastError();
        if (t == null) return "no exception so far";
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString().stripTrailing();
    }
}

package dev.opsshell.shell.repl;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Short, readable errors: a compile error as its message and the source line with a caret under
 * the spot; an exception as one line {@code Type: message} plus the first frame in the operator's
 * own code. The full stack trace stays available through {@code /trace} or {@code lastError()}.
 */
final class ErrorFormat {
    private ErrorFormat() {
    }

    /** A compile error in {@code source}: the message (without javac's "location" noise), the line, a caret. */
    static String diagnostic(Diag diag, String source) {
        List<String> lines = new ArrayList<>();
        String message = diag.getMessage(Locale.ROOT);
        for (String l : message.split("\n")) {
            if (l.strip().startsWith("location:")) continue;
            lines.add(l.stripTrailing());
        }
        StringBuilder s = new StringBuilder("error: ").append(String.join("\n", lines));
        long pos = diag.getPosition();
        if (pos >= 0 && pos <= source.length()) {
            int start = source.lastIndexOf('\n', (int) Math.max(0, pos - 1)) + 1;
            if (pos == 0) start = 0;
            int end = source.indexOf('\n', (int) pos);
            String line = source.substring(start, end < 0 ? source.length() : end);
            int col = (int) pos - start;
            s.append('\n').append("    ").append(line.replace('\t', ' '))
                    .append('\n').append("    ").append(" ".repeat(Math.max(0, col))).append('^');
        }
        MethodHint.of(message).ifPresent(hint -> s.append('\n').append("hint: ").append(hint));
        return s.toString();
    }

    /** The 1-based line of the diagnostic within its snippet. */
    static int diagnosticLine(Diag diag, String source) {
        long pos = Math.max(0, Math.min(diag.getPosition(), source.length()));
        int line = 1;
        for (int i = 0; i < pos; i++) if (source.charAt(i) == '\n') line++;
        return line;
    }

    /** One line for the exception, plus where in the operator's code it came from ({@code #id:line}). */
    static String exception(JShellException e) {
        return exception(e, f -> f.getFileName() + ":" + f.getLineNumber());
    }

    /** The same, with {@code where} naming a frame's place (a script shows {@code file:line}). */
    static String exception(JShellException e, java.util.function.Function<StackTraceElement, String> where) {
        if (e instanceof UnresolvedReferenceException u) {
            return "error: " + u.getSnippet() + " cannot run until what it refers to is defined";
        }
        String type = e instanceof EvalException ev ? simpleName(ev.getExceptionClassName()) : simpleName(e.getClass().getName());
        String message = e.getMessage();
        StringBuilder s = new StringBuilder(type);
        if (message != null && !message.isBlank()) s.append(": ").append(message.strip());
        StackTraceElement frame = firstUserFrame(e.getStackTrace());
        if (frame != null && !frame.getMethodName().isEmpty() && !frame.getMethodName().startsWith("do_it$")) {
            s.append("\n  at ").append(frame.getMethodName()).append("(").append(where.apply(frame)).append(")");
        }
        s.append("\n  (/trace shows the whole stack)");
        return s.toString();
    }

    /** The first frame in code typed at the prompt (JShell names its files {@code #id}). */
    static StackTraceElement firstUserFrame(StackTraceElement[] trace) {
        for (StackTraceElement f : trace) {
            if (f.getFileName() != null && f.getFileName().startsWith("#")) return f;
        }
        return null;
    }

    /** The 1-based line within snippet {@code #id} of the innermost frame there, or 0. */
    static int lineIn(JShellException e, String id) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (("#" + id).equals(f.getFileName())) return Math.max(0, f.getLineNumber());
        }
        return 0;
    }

    static String simpleName(String className) {
        if (className == null) return "Exception";
        int dot = className.lastIndexOf('.');
        String s = dot < 0 ? className : className.substring(dot + 1);
        int dollar = s.lastIndexOf('$');
        return dollar < 0 || dollar == s.length() - 1 ? s : s.substring(dollar + 1);
    }
}

package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;
import dev.opsshell.core.pipeline.Stage;
import dev.opsshell.core.result.Results;

import java.util.Optional;
import java.util.function.Function;

/**
 * How the shell shows a snippet's value: through its {@code toString} (Results print like
 * {@code pretty()}), nothing for a Results (or pipeline stage) already printed by
 * {@code pretty()/json()/table()}, nothing for void. At the prompt strings are shown as Java
 * literals, as JShell does; in one-liners they are printed raw so the output pipes well. A lambda
 * shows its interface and source text ({@link LambdaSources}), not the name of its class.
 */
public final class Echo {
    private final boolean quoteStrings;
    private final boolean json;
    private final Function<Object, String> lambdas;

    public Echo(boolean quoteStrings) {
        this(quoteStrings, false);
    }

    /** With {@code json}, Results (and pipelines) are printed as JSON lines ({@code ops -e … --json}). */
    public Echo(boolean quoteStrings, boolean json) {
        this(quoteStrings, json, LambdaSources::describeWithoutSource);
    }

    private Echo(boolean quoteStrings, boolean json, Function<Object, String> lambdas) {
        this.quoteStrings = quoteStrings;
        this.json = json;
        this.lambdas = lambdas;
    }

    /** This echo, showing a lambda by the source text {@code sources} knows rather than its class name. */
    Echo describingLambdasBy(LambdaSources sources) {
        return new Echo(quoteStrings, json, sources::describe);
    }

    /** The text to print for a value, or empty when nothing should be printed. */
    Optional<String> of(Object value) {
        if (value == CapturingExecutionControl.Captured.NONE) return Optional.empty();
        if (value instanceof Results r && r.shown()) return Optional.empty();
        if (value instanceof Stage s && s.results().shown()) return Optional.empty();
        if (json && (value instanceof Results || value instanceof Stage)) {
            // printed at once through the session, in order with what the snippet printed itself
            (value instanceof Stage st ? st.results() : (Results) value).json();
            return Optional.empty();
        }
        if (value instanceof Results r) return Optional.of(pretty(r));
        if (value instanceof Stage st) return Optional.of(pretty(st.results()));
        if (value instanceof String s) return Optional.of(quoteStrings ? literal(s) : s);
        if (value instanceof Character c && quoteStrings) return Optional.of("'" + escape(String.valueOf(c)) + "'");
        if (value == null) return Optional.of("null");
        if (LambdaSources.isLambda(value)) return Optional.of(lambdas.apply(value));
        String text = String.valueOf(value);
        return Optional.of(text);
    }

    /** Results as pretty() shows them: stderr in colour when the session writes to a terminal. */
    private static String pretty(Results r) {
        return r.prettyText(Session.current().colour()).stripTrailing();
    }

    /** A declared variable: {@code name ==> value}, the value on the next lines when it has several. */
    Optional<String> ofVariable(String name, Object value) {
        return of(value).map(text -> text.contains("\n") ? name + " ==>\n" + text : name + " ==> " + text);
    }

    public static String literal(String s) {
        return "\"" + escape(s) + "\"";
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

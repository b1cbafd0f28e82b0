package dev.opsshell.shell.repl;

import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a lambda reads when the shell echoes it: {@code Operation: h -> h.exec("uptime")} instead of
 * its class name ({@code REPL.$JShell$25$$Lambda$712/0x…@1b2c}). A lambda's class is a nestmate of
 * the class it was written in; for a snippet that is the JShell wrapper class compiled from it
 * ({@code REPL.$JShell$25}, then {@code $JShell$25B} once redefined), so the shell notes which
 * snippet each wrapper it loads came from. Values a lambda captured are listed after its text.
 * Thread-safe.
 */
final class LambdaSources {
    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$(\\d+)[A-Z]*");
    private static final int MAX_CAPTURED = 40;

    private final Map<String, Snippet> wrappers = new ConcurrentHashMap<>();

    /** True for a lambda or method reference (a hidden class the JDK spun for it). */
    static boolean isLambda(Object value) {
        Class<?> c = value.getClass();
        return c.isHidden() && c.getName().contains("$$Lambda") && c.getInterfaces().length > 0;
    }

    /** Notes which snippet each wrapper class loaded by one evaluation was compiled from. */
    void learn(List<SnippetEvent> events, List<String> loadedClasses) {
        for (String name : loadedClasses) {
            Matcher m = WRAPPER.matcher(name);
            if (!m.matches()) continue; // a member class of a wrapper: its lambdas' host is the wrapper
            for (SnippetEvent e : events) {
                // a redefinition keeps the id: the snippet it overwrote is in the same events, inactive
                if (e.snippet().id().equals(m.group(1)) && e.status().isActive()) wrappers.put(name, e.snippet());
            }
        }
    }

    /** The echo of a lambda: its interface, its source text when known, what it captured. */
    String describe(Object lambda) {
        String type = lambda.getClass().getInterfaces()[0].getSimpleName();
        return type + ": " + text(lambda) + captured(lambda);
    }

    /** Without any snippet known: only the interface and where the lambda was written. */
    static String describeWithoutSource(Object lambda) {
        return new LambdaSources().describe(lambda);
    }

    private String text(Object lambda) {
        Class<?> host = lambda.getClass().getNestHost();
        Snippet snippet = wrappers.get(host.getName());
        if (snippet == null) {
            String where = WRAPPER.matcher(host.getName()).matches() ? "a snippet" : host.getName();
            return "a lambda from " + where;
        }
        Optional<String> text = LambdaText.in(snippet);
        if (text.isPresent()) return text.get();
        String first = snippet.source().strip().lines().findFirst().orElse("");
        return "a lambda in snippet " + snippet.id() + " (" + shorten(first, 60) + ")";
    }

    /** The values a lambda captured, in order ({@code capturing "nginx"}), or nothing. */
    private static String captured(Object lambda) {
        List<String> values = new ArrayList<>();
        for (Field f : lambda.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            try {
                f.setAccessible(true);
                Object v = f.get(lambda);
                values.add(shorten(v instanceof String s ? Echo.literal(s) : String.valueOf(v), MAX_CAPTURED));
            } catch (ReflectiveOperationException | RuntimeException e) {
                values.add("?"); // not readable here: say that something was captured
            }
        }
        return values.isEmpty() ? "" : "  capturing " + String.join(", ", values);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

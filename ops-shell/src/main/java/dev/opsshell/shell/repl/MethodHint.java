package dev.opsshell.shell.repl;

import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.pipeline.Stage;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to write instead, when a method the operator tried is not on the value in hand but on the
 * one next to it: {@code hosts("web").successful()} (results come from running something),
 * {@code r.stdout()} (one host's result), {@code r.names()} (the results' hosts), or a typo
 * ({@code r.sucessful()}). Read from javac's "cannot find symbol" diagnostic.
 */
final class MethodHint {
    private static final Pattern SYMBOL = Pattern.compile("symbol:\\s+method (\\w+)\\(");
    private static final Pattern LOCATION = Pattern.compile("location:\\s+(?:.* of type |class |interface )([\\w.$]+)");
    private static final List<Class<?>> TYPES = List.of(Hosts.class, Results.class, Result.class, Stage.class);

    /** How to reach each type's methods from another: from, to → the words to put before the method. */
    private static final Map<String, String> ROUTE = Map.of(
            "Results>Hosts", "the hosts of these results are .hosts(), as in r.successful().hosts().%s()",
            "Results>Result", "Results hold one Result per host: r.get(\"web01\").%s() for one, r.list() for all",
            "Hosts>Results", "hosts are not results yet: run something first, as in hosts(\"web\").exec(\"…\").%s()",
            "Hosts>Result", "hosts are not results yet: run something first, as in hosts(\"web\").exec(\"…\").get(\"web01\").%s()",
            "Stage>Results", "a pipeline's results are .results(), as in run(…).results().%s()",
            "Stage>Hosts", "a pipeline's next hosts are .hosts(), as in run(…).hosts().%s()",
            "Result>Results", "this is one host's Result; %s() is asked of all of them, on the Results it came from");

    private MethodHint() {
    }

    /** A hint for a compile error's message, when it is a method missing on one of the shell's own types. */
    static Optional<String> of(String diagnostic) {
        Matcher symbol = SYMBOL.matcher(diagnostic);
        Matcher location = LOCATION.matcher(diagnostic);
        if (!symbol.find() || !location.find()) return Optional.empty();
        String method = symbol.group(1);
        Optional<Class<?>> on = TYPES.stream().filter(t -> t.getName().equals(location.group(1))).findFirst();
        if (on.isEmpty()) return Optional.empty();
        String from = on.get().getSimpleName();
        for (Class<?> other : TYPES) {
            String route = ROUTE.get(from + ">" + other.getSimpleName());
            if (route != null && names(other).contains(method)) {
                return Optional.of(from + " has no " + method + "(); " + String.format(route, method));
            }
        }
        return names(on.get()).stream().filter(n -> distance(n, method) <= 2)
                .min(Comparator.comparingInt(n -> distance(n, method)))
                .map(n -> from + " has no " + method + "(); did you mean " + n + "()?");
    }

    private static List<String> names(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getDeclaringClass() != Object.class).map(Method::getName).distinct().toList();
    }

    /** Edit distance (insertions, deletions, substitutions) between two short words. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int same = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + same);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

package dev.opsshell.core.history;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How to build an operation again: a registered builder's name and its text arguments
 * ({@code exec ["uptime"]}, {@code sudo ["systemctl restart nginx"]}). Operations that can be
 * rebuilt say so by implementing {@link Rebuildable}; {@link Recipes} turns a recipe back into an
 * operation. Stored as JSON ({@code {"name":"exec","args":["uptime"]}}).
 */
public record Recipe(String name, List<String> args) {
    public Recipe {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("a recipe needs a name");
        args = List.copyOf(args);
    }

    public static Recipe of(String name, String... args) {
        return new Recipe(name, List.of(args));
    }

    /** As Java would call it: {@code exec("uptime")}. */
    @Override
    public String toString() {
        return name + args.stream().map(Recipe::literal).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String literal(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}

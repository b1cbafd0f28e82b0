package dev.opsshell.core.history;

import dev.opsshell.core.pipeline.Exec;
import dev.opsshell.core.pipeline.Operation;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The builders recipes name: {@code exec} and {@code sudo} (a command line, and optionally the title
 * a built-in showed it under) from the start; a module with built-ins of its own registers theirs.
 * Thread-safe.
 */
public final class Recipes {
    private static final Map<String, Function<java.util.List<String>, Operation>> BUILDERS = new ConcurrentHashMap<>();

    static {
        register("exec", args -> args.size() > 1 ? Exec.titled(args.get(1), args.get(0)) : Exec.of(args.get(0)));
        register("sudo", args -> Exec.sudo(args.get(0)));
    }

    private Recipes() {
    }

    /** Makes {@code name} buildable from its recipe's arguments. */
    public static void register(String name, Function<java.util.List<String>, Operation> builder) {
        BUILDERS.put(name, builder);
    }

    /** The recipe of an operation, when it has one. */
    public static Optional<Recipe> of(Object operation) {
        return operation instanceof Rebuildable r ? Optional.ofNullable(r.recipe()) : Optional.empty();
    }

    /** The operation a recipe describes; a clear error when nothing here builds that name. */
    public static Operation build(Recipe recipe) {
        Function<java.util.List<String>, Operation> builder = BUILDERS.get(recipe.name());
        if (builder == null) {
            throw new IllegalArgumentException("no operation named '" + recipe.name() + "' can be rebuilt here (known: "
                    + String.join(", ", new TreeSet<>(BUILDERS.keySet())) + "); run it again by hand");
        }
        return builder.apply(recipe.args());
    }
}

package dev.opsshell.core.events;

import dev.opsshell.core.history.Recipe;
import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.result.Results;

import java.time.Instant;

/**
 * An operation finished on its hosts (every host's result is in {@code results}), started from
 * {@code source}; {@code recipe} says how to build the operation again (null for a lambda).
 */
public record RunFinished(Results results, RunSource source, Instant finished, Recipe recipe) {
    public RunFinished(Results results, RunSource source, Instant finished) {
        this(results, source, finished, null);
    }
}

package dev.opsshell.core.schedule;

import java.util.List;

/**
 * A kind of {@link StoredAction}: what {@code ops hub} does for a stored schedule. Kinds are found
 * with {@link java.util.ServiceLoader} (a line in {@code META-INF/services/dev.opsshell.core.schedule.ActionKind})
 * or added with {@link ActionKinds#register}. The built-in ones: {@code command PATTERN LINE} and
 * {@code script FILE [ARGS…]}; the metrics sampler adds {@code sample PATTERN FAMILY…}.
 */
public interface ActionKind {
    /** The word stored and typed: {@code command}, {@code script}, {@code sample}. */
    String name();

    /** How to give it, for errors and help: {@code command PATTERN COMMAND-LINE}. */
    String usage();

    /** Checks the arguments when the schedule is registered; throws IllegalArgumentException saying what to give. */
    void check(List<String> args);

    /** One run's work, in the hub's session ({@code Session.current()}). */
    ScheduledWork work(List<String> args);
}

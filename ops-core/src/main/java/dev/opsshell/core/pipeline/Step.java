package dev.opsshell.core.pipeline;

/**
 * One stage of a pipeline: takes the hosts and results so far and gives the next ones. Operations,
 * {@code pick(…)} and {@code pretty()} are steps.
 */
@FunctionalInterface
public interface Step {
    Stage apply(Stage stage);
}

package dev.opsshell.core.history;

/**
 * An operation that can say how to build it again, so a recorded run of it can be rerun later, also
 * from another process ({@code ops history rerun ID}). {@code exec} and {@code sudo} are; a lambda
 * typed at the prompt is not (its snippet is shown instead).
 */
public interface Rebuildable {
    /** The recipe {@link Recipes#build} turns back into this operation. */
    Recipe recipe();
}

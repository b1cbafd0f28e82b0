package dev.opsshell.core.transport;

import java.util.Optional;

/**
 * Asks the operator for a secret (a key passphrase, a sudo password) without echoing it, or to
 * confirm a destructive job. The shell
 * supplies a terminal prompter; scripts and CI get {@link #NONE}, which answers nothing so the host
 * fails with a message instead of hanging on input that will never come.
 */
@FunctionalInterface
public interface Prompter {
    Prompter NONE = prompt -> Optional.empty();

    Optional<char[]> secret(String prompt);

    /** Asks for a visible line (a confirmation); empty when no person can answer. */
    default Optional<String> line(String prompt) {
        return Optional.empty();
    }

    /**
     * Asks a yes/no question; empty when no person can answer (a script), so the caller can say
     * how to go ahead without asking ({@code forced()}), never assume yes.
     */
    default Optional<Boolean> confirm(String question) {
        return line(question + " [y/N] ").map(a -> a.trim().equalsIgnoreCase("y") || a.trim().equalsIgnoreCase("yes"));
    }
}

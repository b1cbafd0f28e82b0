package dev.opsshell.core.transport;

import java.util.Optional;

/**
 * Asks the operator for a secret (a key passphrase, a sudo password) without echoing it. The shell
 * supplies a terminal prompter; scripts and CI get {@link #NONE}, which answers nothing so the host
 * fails with a message instead of hanging on input that will never come.
 */
@FunctionalInterface
public interface Prompter {
    Prompter NONE = prompt -> Optional.empty();

    Optional<char[]> secret(String prompt);
}

package dev.opsshell.remote.become;

/** Replaces a secret (a sudo password) wherever it shows in text a user will see. */
final class Masking {
    static final String MASK = "********";

    private Masking() {
    }

    static String mask(String text, String secret) {
        return secret == null || secret.isEmpty() || text == null ? text : text.replace(secret, MASK);
    }
}

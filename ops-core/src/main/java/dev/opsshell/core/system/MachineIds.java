package dev.opsshell.core.system;

import java.security.SecureRandom;

/** Short random machine ids: 10 characters of a-z and 0-9 that never start with a digit. */
public final class MachineIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String ALPHABET = LETTERS + "0123456789";

    private MachineIds() {
    }

    public static String next() {
        StringBuilder id = new StringBuilder(10);
        id.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        for (int i = 1; i < 10; i++) id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return id.toString();
    }
}

package dev.opsshell.agent.protocol;

import java.util.regex.Pattern;

/**
 * The names agents (and shells, with a leading {@code @}) register under. A name is also a file
 * name in the hub's key store, and it is printed in operators' terminals, so only a safe set is
 * accepted: a letter or digit first, then letters, digits, {@code . _ - @}, at most 128 in all.
 * That excludes {@code /}, {@code ..} on its own, NUL, blanks and every control character.
 */
public final class AgentName {
    private static final Pattern VALID = Pattern.compile("@?[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    private AgentName() {
    }

    public static boolean valid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Returns {@code name} if it is valid, else throws with a message saying what is accepted. */
    public static String check(String name) {
        if (!valid(name)) {
            throw new IllegalArgumentException("'" + PeerText.clean(String.valueOf(name), 64) + "' is not a valid agent name: use letters,"
                    + " digits, '.', '_', '-' (at most 128, starting with a letter or digit; a leading '@' marks a"
                    + " shell client)");
        }
        return name;
    }
}

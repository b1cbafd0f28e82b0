package dev.opsshell.core.schedule;

import java.util.List;

/**
 * An action that can be kept in the store and run by {@code ops hub}, unlike a lambda: a kind
 * ({@code command}, {@code script}, {@code sample}, … see {@link ActionKinds}) and its arguments.
 */
public record StoredAction(String kind, List<String> args) {
    public StoredAction {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("a stored action needs a kind");
        args = List.copyOf(args);
    }

    public static StoredAction of(String kind, String... args) {
        return new StoredAction(kind, List.of(args));
    }

    /** {@code command web uptime}: the kind, then each argument (quoted when it has a blank). */
    public String describe() {
        StringBuilder s = new StringBuilder(kind);
        for (String a : args) s.append(' ').append(a.isEmpty() || a.matches(".*\\s.*") ? "'" + a + "'" : a);
        return s.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}

package dev.opsshell.core.config;

import java.util.function.Function;

/**
 * One setting as found: its key, its value as written, and where it came from (an environment
 * variable's name, or {@code FILE (key=)}), so an error can say where to mend it.
 */
public record Setting(String key, String value, String from) {
    /** The value read by {@code read}; what {@code read} refuses is a {@link ConfigException} starting with where it came from. */
    public <T> T as(Function<String, T> read) {
        try {
            return read.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(from + ": " + e.getMessage(), e);
        }
    }

    /** Without the value, which may be a secret (a token). */
    @Override
    public String toString() {
        return key + " from " + from;
    }
}

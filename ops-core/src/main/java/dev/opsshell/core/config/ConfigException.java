package dev.opsshell.core.config;

/**
 * A setting ops cannot use: the config file unreadable, or a value that does not read. The message
 * names the file or variable, the key, and what to write instead.
 */
public final class ConfigException extends IllegalArgumentException {
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

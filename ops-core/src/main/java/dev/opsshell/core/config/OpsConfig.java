package dev.opsshell.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code ~/.ops/config}, the one file of ops settings: a Java properties file, read, never
 * written. A setting is looked up in its environment variable first (where it has one), then in the
 * file, then it takes its default; a blank value counts as unset. The file is read once, when a
 * setting first needs it, so a variable set beside a broken file still works. Every key and its
 * variable are listed in docs/shell.md ("The config file"). Not thread-safe; make one per reading.
 *
 * <pre>{@code
 * OpsConfig config = OpsConfig.load();
 * Duration keep = config.get("metrics.retention", "OPS_METRICS_RETENTION", Durations::positive, Duration.ofDays(14));
 * }</pre>
 */
public final class OpsConfig {
    private final Map<String, String> env;
    private final Path file;
    private Properties values;

    private OpsConfig(Map<String, String> env, Path file) {
        this.env = Map.copyOf(env);
        this.file = file;
    }

    /** This process's environment and {@code ~/.ops/config} of the user's home. */
    public static OpsConfig load() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** {@code env} and {@code HOME/.ops/config}. */
    public static OpsConfig of(Map<String, String> env, Path home) {
        return at(env, defaultFile(home));
    }

    /** {@code env} and the config in {@code file}. */
    public static OpsConfig at(Map<String, String> env, Path file) {
        return new OpsConfig(env, file);
    }

    /** {@code HOME/.ops/config}. */
    public static Path defaultFile(Path home) {
        return home.resolve(".ops").resolve("config");
    }

    public Path file() {
        return file;
    }

    /** {@code key}'s setting: from {@code variable} (null: none) if set, else from the file; empty when neither has it. */
    public Optional<Setting> find(String key, String variable) {
        String fromEnv = variable == null ? null : env.get(variable);
        if (fromEnv != null && !fromEnv.isBlank()) return Optional.of(new Setting(key, fromEnv, variable));
        String fromFile = values().getProperty(key);
        if (fromFile != null && !fromFile.isBlank()) return Optional.of(new Setting(key, fromFile, file + " (" + key + "=)"));
        return Optional.empty();
    }

    /**
     * {@code key}'s setting read by {@code read} (which may read a value as null: {@code forever}),
     * else {@code otherwise}; a value {@code read} refuses is a {@link ConfigException}.
     */
    public <T> T get(String key, String variable, Function<String, T> read, T otherwise) {
        Optional<Setting> set = find(key, variable);
        return set.isPresent() ? set.get().as(read) : otherwise;
    }

    /** The file's keys starting with {@code prefix} and their values, in key order (the environment has none of these). */
    public SortedMap<String, String> startingWith(String prefix) {
        SortedMap<String, String> found = new TreeMap<>();
        values().stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(k -> found.put(k, values().getProperty(k)));
        return found;
    }

    private Properties values() {
        if (values == null) values = read(file);
        return values;
    }

    private static Properties read(Path file) {
        Properties props = new Properties();
        if (!Files.isRegularFile(file)) return props;
        try (Reader r = Files.newBufferedReader(file)) {
            props.load(r);
        } catch (IOException | IllegalArgumentException e) { // unreadable, not UTF-8, or a malformed \\uXXXX
            throw new ConfigException("cannot read " + file + ": " + e.getMessage() + "; fix or remove the file", e);
        }
        return props;
    }
}

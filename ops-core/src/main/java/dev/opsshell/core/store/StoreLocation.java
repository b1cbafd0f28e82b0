package dev.opsshell.core.store;

import dev.opsshell.core.config.ConfigException;
import dev.opsshell.core.config.OpsConfig;
import dev.opsshell.core.config.Setting;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the store is: an SQLite file or a PostgreSQL JDBC URL. {@link #resolve(String)} takes the
 * command-line flag, else {@code OPS_STORE}, else {@code store=} in {@code ~/.ops/config} (a
 * properties file), else {@code ~/.ops/ops.db}. Accepts a file path, {@code jdbc:sqlite:FILE} or
 * {@code jdbc:postgresql://…}; PostgreSQL credentials come from the URL, {@code PGPASSWORD} or
 * {@code ~/.pgpass}, as the driver reads them. {@link #toString()} and {@link #where()} never show
 * a user or password; the URL with them is only for the driver ({@link #jdbcUrl()}).
 */
public record StoreLocation(Dialect dialect, String jdbcUrl, Path file) {
    /** The environment variable naming the store when no flag is given. */
    public static final String ENV = "OPS_STORE";
    /** The key in {@code ~/.ops/config}. */
    public static final String CONFIG_KEY = "store";

    public StoreLocation {
        if (dialect == Dialect.SQLITE && file == null) throw new IllegalArgumentException("an SQLite store needs a file");
    }

    /** The store from the flag's value (may be null), the environment, {@code ~/.ops/config}, or {@code ~/.ops/ops.db}. */
    public static StoreLocation resolve(String flag) {
        return resolve(flag, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static StoreLocation resolve(String flag, Map<String, String> env, Path home) {
        if (flag != null && !flag.isBlank()) return parse(flag, home, "--store");
        Optional<Setting> set;
        try {
            set = OpsConfig.of(env, home).find(CONFIG_KEY, ENV);
        } catch (ConfigException e) {
            throw new StoreException(e.getMessage(), e);
        }
        return set.map(s -> parse(s.value(), home, s.from())).orElseGet(() -> sqlite(home.resolve(".ops").resolve("ops.db")));
    }

    /** An SQLite store in this file. */
    public static StoreLocation sqlite(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return new StoreLocation(Dialect.SQLITE, "jdbc:sqlite:" + f, f);
    }

    /** A PostgreSQL store at this JDBC URL ({@code jdbc:postgresql://host:port/db}). */
    public static StoreLocation postgresql(String jdbcUrl) {
        return new StoreLocation(Dialect.POSTGRESQL, JdbcUrls.forDriver(jdbcUrl), null);
    }

    /** A flag, variable or config value: a file path, {@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}. */
    static StoreLocation parse(String text, Path home, String from) {
        String t = text.strip();
        if (t.startsWith("jdbc:postgresql:")) return postgresql(t);
        if (t.startsWith("jdbc:sqlite:")) t = t.substring("jdbc:sqlite:".length());
        else if (t.startsWith("jdbc:") || t.startsWith("postgres://") || t.startsWith("postgresql://")) {
            throw new StoreException("the store " + JdbcUrls.withoutCredentials(t) + " (from " + from
                    + ") is neither SQLite nor PostgreSQL; give a file path, jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB");
        }
        if (t.startsWith("file:")) t = t.substring("file:".length());
        if (t.isEmpty() || t.startsWith(":memory:")) {
            throw new StoreException("the store (from " + from + ") must be a file that outlives the shell, got '" + t
                    + "'; give a file path such as ~/.ops/ops.db");
        }
        if (t.contains("?")) t = t.substring(0, t.indexOf('?'));
        Path p = t.equals("~") ? home : t.startsWith("~/") ? home.resolve(t.substring(2)) : Path.of(t);
        return sqlite(p);
    }

    /** The file, or the JDBC URL without user or password: safe to print. */
    public String where() {
        return dialect == Dialect.SQLITE ? file.toString() : JdbcUrls.withoutCredentials(jdbcUrl);
    }

    /** {@code host:port} of a PostgreSQL store (for "does not answer" messages); the file for SQLite. */
    public String server() {
        return dialect == Dialect.SQLITE ? file.toString() : JdbcUrls.hostAndPort(jdbcUrl);
    }

    /** {@code text} with any password this location knows of (in the URL, or PGPASSWORD) masked. */
    public String redact(String text) {
        return dialect == Dialect.SQLITE ? text : JdbcUrls.redact(text, jdbcUrl, System.getenv("PGPASSWORD"));
    }

    @Override
    public String toString() {
        return dialect.word() + " " + where();
    }
}

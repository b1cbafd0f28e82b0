package dev.opsshell.core.history;

import dev.opsshell.core.text.Durations;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How history is kept, from the environment, else {@code ~/.ops/config} (a properties file), else
 * the defaults: {@code OPS_HISTORY} / {@code history=} ({@code on}, the default, or {@code off}:
 * record nothing) and {@code OPS_HISTORY_RETENTION} / {@code history.retention=} (how long runs are
 * kept: {@code 90d} by default, {@code 12h}, {@code 30m}, {@code 2w}, or {@code forever}).
 *
 * @param record    whether runs are recorded at all
 * @param retention how long a run is kept; null keeps runs forever
 */
public record HistorySettings(boolean record, Duration retention) {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);
    public static final String ENV = "OPS_HISTORY";
    public static final String RETENTION_ENV = "OPS_HISTORY_RETENTION";
    public static final String RETENTION_KEY = "history.retention";

    public static HistorySettings defaults() {
        return new HistorySettings(true, DEFAULT_RETENTION);
    }

    /** From this process's environment and {@code ~/.ops/config}. */
    public static HistorySettings configured() {
        return configured(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static HistorySettings configured(Map<String, String> env, Path home) {
        Properties config = config(home.resolve(".ops").resolve("config"));
        String record = first(env.get(ENV), config.getProperty("history"), "on");
        String keep = first(env.get(RETENTION_ENV), config.getProperty(RETENTION_KEY), null);
        boolean on = switch (record.strip().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("history=" + record + " (from " + ENV + " or ~/.ops/config):"
                    + " say on or off");
        };
        return new HistorySettings(on, keep == null ? DEFAULT_RETENTION : retention(keep, RETENTION_KEY));
    }

    /**
     * A retention as written: a duration ({@link Durations}: {@code 90d}, {@code 2w}, {@code 12h});
     * {@code forever} (or {@code never}, {@code off}, {@code 0}) keeps every run: null.
     */
    public static Duration retention(String text, String from) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("forever") || t.equals("off") || t.equals("0") || t.equals("never")) return null;
        try {
            Duration d = Durations.parse(t);
            return d.isZero() ? null : d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(from + ": " + e.getMessage() + ", or forever to keep every run", e);
        }
    }

    private static String first(String a, String b, String otherwise) {
        if (a != null && !a.isBlank()) return a;
        if (b != null && !b.isBlank()) return b;
        return otherwise;
    }

    private static Properties config(Path file) {
        Properties props = new Properties();
        if (!Files.isRegularFile(file)) return props;
        try (Reader r = Files.newBufferedReader(file)) {
            props.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage() + "; fix or remove the file", e);
        }
        return props;
    }
}

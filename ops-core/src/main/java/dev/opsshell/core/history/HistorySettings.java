package dev.opsshell.core.history;

import dev.opsshell.core.config.OpsConfig;
import dev.opsshell.core.text.Durations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How history is kept ({@link OpsConfig}: the environment, else {@code ~/.ops/config}, else the
 * defaults): {@code OPS_HISTORY} / {@code history=} ({@code on}, the default, or {@code off}:
 * record nothing) and {@code OPS_HISTORY_RETENTION} / {@code history.retention=} (how long runs are
 * kept: {@code 90d} by default, {@code 12h}, {@code 30m}, {@code 2w}, or {@code forever}).
 *
 * @param record    whether runs are recorded at all
 * @param retention how long a run is kept; null keeps runs forever
 */
public record HistorySettings(boolean record, Duration retention) {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);
    static final Duration SHORTEST_RETENTION = Duration.ofMinutes(1);
    public static final String ENV = "OPS_HISTORY";
    public static final String KEY = "history";
    public static final String RETENTION_ENV = "OPS_HISTORY_RETENTION";
    public static final String RETENTION_KEY = "history.retention";

    public static HistorySettings defaults() {
        return new HistorySettings(true, DEFAULT_RETENTION);
    }

    /** From this process's environment and {@code ~/.ops/config}. */
    public static HistorySettings configured() {
        return configured(OpsConfig.load());
    }

    static HistorySettings configured(Map<String, String> env, Path home) {
        return configured(OpsConfig.of(env, home));
    }

    private static HistorySettings configured(OpsConfig config) {
        boolean on = config.get(KEY, ENV, HistorySettings::onOrOff, true);
        return new HistorySettings(on, config.get(RETENTION_KEY, RETENTION_ENV, HistorySettings::retention, DEFAULT_RETENTION));
    }

    /**
     * A retention as written: a duration ({@link Durations}: {@code 90d}, {@code 2w}, {@code 12h});
     * {@code forever} (or {@code never}, {@code off}, {@code 0}) keeps every run: null.
     */
    public static Duration retention(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("forever") || t.equals("off") || t.equals("0") || t.equals("never")) return null;
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ", or forever to keep every run", e);
        }
        if (d.isZero()) return null; // 0m, as 0: forever
        // seconds would purge nearly every run at each run: surely a slip for minutes or days
        if (d.compareTo(SHORTEST_RETENTION) < 0) {
            throw new IllegalArgumentException("'" + text.strip() + "' would keep runs less than a minute; give minutes or more"
                    + " (90d, 2w, 12h, 30m), or forever to keep every run");
        }
        return d;
    }

    /** {@link #retention(String)} of an option's value; an error starts with the option ({@code --older-than}). */
    public static Duration retention(String text, String option) {
        try {
            return retention(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static boolean onOrOff(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is neither on nor off; write on (record every run) or off");
        };
    }
}

package dev.opsshell.core.metrics;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * How long samples are kept: {@code -Dops.metrics.retention}, else {@code OPS_METRICS_RETENTION},
 * else {@code metrics.retention=} in {@code ~/.ops/config}, else 14 days. A value is a number and a
 * unit: {@code 14d}, {@code 36h}, {@code 90m}, {@code 30s}.
 */
public final class MetricSettings {
    public static final String CONFIG_KEY = "metrics.retention";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);

    private MetricSettings() {
    }

    public static Duration retention() {
        String set = System.getProperty("ops.metrics.retention", System.getenv("OPS_METRICS_RETENTION"));
        if (set != null && !set.isBlank()) return duration(set, "OPS_METRICS_RETENTION");
        Path config = Path.of(System.getProperty("user.home"), ".ops", "config");
        if (Files.isRegularFile(config)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(config)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read " + config + ": " + e.getMessage() + "; fix or remove the file", e);
            }
            String v = p.getProperty(CONFIG_KEY);
            if (v != null && !v.isBlank()) return duration(v, config + " (" + CONFIG_KEY + "=)");
        }
        return DEFAULT_RETENTION;
    }

    /** {@code 14d}, {@code 36h}, {@code 90m}, {@code 30s}; a clear error naming where it came from otherwise. */
    public static Duration duration(String text, String from) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            Duration d = switch (t.charAt(t.length() - 1)) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                case 's' -> Duration.ofSeconds(n);
                default -> null;
            };
            if (d != null && !d.isNegative() && !d.isZero()) return d;
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // told below, with the form expected
        }
        throw new IllegalArgumentException("'" + text + "' from " + from + " is not a duration: give a number and d, h, m or s, such as 14d");
    }
}

package dev.opsshell.core.metrics;

import dev.opsshell.core.text.Durations;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /** A positive duration ({@link Durations}: {@code 14d}, {@code 36h}); an error naming where it came from otherwise. */
    public static Duration duration(String text, String from) {
        try {
            return Durations.positive(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(from + ": " + e.getMessage(), e);
        }
    }
}

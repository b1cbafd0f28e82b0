package dev.opsshell.core.metrics;

import dev.opsshell.core.config.OpsConfig;
import dev.opsshell.core.config.Setting;
import dev.opsshell.core.text.Durations;

import java.time.Duration;

/**
 * How long samples are kept: {@code -Dops.metrics.retention}, else {@code OPS_METRICS_RETENTION},
 * else {@code metrics.retention=} in {@code ~/.ops/config} ({@link OpsConfig}), else 14 days. A value
 * is a duration longer than zero ({@link Durations}): {@code 14d}, {@code 36h}, {@code 2w}.
 */
public final class MetricSettings {
    public static final String CONFIG_KEY = "metrics.retention";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);

    private MetricSettings() {
    }

    public static Duration retention() {
        String property = System.getProperty("ops.metrics.retention");
        if (property != null && !property.isBlank()) return duration(property, "-Dops.metrics.retention");
        return OpsConfig.load().get(CONFIG_KEY, "OPS_METRICS_RETENTION", Durations::positive, DEFAULT_RETENTION);
    }

    /** A positive duration ({@link Durations}: {@code 14d}, {@code 36h}); an error naming where it came from otherwise. */
    public static Duration duration(String text, String from) {
        return new Setting(CONFIG_KEY, text, from).as(Durations::positive);
    }
}

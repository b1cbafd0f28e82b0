package dev.opsshell.remote.web;

import dev.opsshell.core.report.FieldUnit;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import io.prometheus.metrics.model.snapshots.Unit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prometheus names for samples: {@code ops_} + metric + field, the unit last in Prometheus's words
 * ({@code cpu/user} → {@code ops_cpu_user_percent}, {@code net/rx_bytes_per_s} →
 * {@code ops_net_rx_bytes_per_second}, {@code load/1m} → {@code ops_load_1m}); only
 * {@code [a-zA-Z0-9_]}, so every Prometheus version and the classic text format take them. The
 * label a family's samples carry is named for what it is: {@code mount} (disk), {@code device}
 * (diskio), {@code interface} (net), else {@code label}.
 */
final class MetricNames {
    /** The newest sample's time per host, a series ops adds itself. */
    static final String SAMPLE_TIME = "ops_last_sample_timestamp_seconds";

    private static final Map<String, String> LABEL_NAMES = Map.of("disk", "mount", "diskio", "device", "net", "interface");

    private MetricNames() {
    }

    /** The name of {@code metric}/{@code field}'s series, before clashes are settled. */
    static String of(String metric, String field) {
        FieldUnit unit = FieldUnit.of(metric, field);
        String bare = legacy("ops_" + metric + "_" + unit.base());
        if (unit.unit().isEmpty()) return PrometheusNaming.sanitizeMetricName(bare);
        return PrometheusNaming.sanitizeMetricName(bare + "_" + unit.unit(), new Unit(unit.unit()));
    }

    /** {@code name} made unique by a short hash of what it stands for, unit kept last. */
    static String disambiguated(String name, String metric, String field) {
        String unit = FieldUnit.of(metric, field).unit();
        String tag = "_" + hash(metric + "/" + field);
        if (!unit.isEmpty() && name.endsWith("_" + unit)) {
            return name.substring(0, name.length() - unit.length() - 1) + tag + "_" + unit;
        }
        return name + tag;
    }

    /** The unit of {@code metric}/{@code field} in Prometheus's words, or null when unitless. */
    static Unit unit(String metric, String field) {
        String unit = FieldUnit.of(metric, field).unit();
        return unit.isEmpty() ? null : new Unit(unit);
    }

    /** The name of the label a family's samples carry. */
    static String labelName(String metric) {
        return LABEL_NAMES.getOrDefault(metric.toLowerCase(Locale.ROOT), "label");
    }

    /** Names that are not the samples': a sample named like one of these is renamed. */
    static Set<String> reserved() {
        return Set.of(SAMPLE_TIME);
    }

    /** Only letters, digits and single underscores, starting with a letter. */
    static String legacy(String name) {
        String s = name.replaceAll("[^a-zA-Z0-9_]", "_").replaceAll("_+", "_");
        s = s.endsWith("_") ? s.substring(0, s.length() - 1) : s;
        return Character.isLetter(s.charAt(0)) ? s : "ops_" + s;
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

package dev.opsshell.core.report;

import java.util.List;
import java.util.Locale;

/**
 * The unit a sample's field is in, read from its name the way the samplers name fields
 * ({@code used_pct}, {@code rx_bytes_per_s}, {@code total_bytes}; the cpu family's shares of time
 * are percentages, its {@code cores} a count):
 * the field's name without the unit ({@code base}), Prometheus's unit word ({@code unit}, empty when
 * unitless) and the symbol the report prints.
 */
public record FieldUnit(String base, String unit, String symbol) {
    private record Suffix(String suffix, String unit, String symbol) {
    }

    // longest first: "_bytes_per_s" before "_per_s" and "_bytes"
    private static final List<Suffix> SUFFIXES = List.of(
            new Suffix("_bytes_per_second", "bytes_per_second", "B/s"),
            new Suffix("_bytes_per_sec", "bytes_per_second", "B/s"),
            new Suffix("_bytes_per_s", "bytes_per_second", "B/s"),
            new Suffix("_per_second", "per_second", "/s"),
            new Suffix("_per_sec", "per_second", "/s"),
            new Suffix("_per_s", "per_second", "/s"),
            new Suffix("_percent", "percent", "%"),
            new Suffix("_pct", "percent", "%"),
            new Suffix("_bytes", "bytes", "B"),
            new Suffix("_seconds", "seconds", "s"));

    /** The unit of {@code field} in the {@code metric} family. */
    public static FieldUnit of(String metric, String field) {
        String f = field.toLowerCase(Locale.ROOT);
        for (Suffix s : SUFFIXES) {
            String bare = s.suffix().substring(1);
            if (f.endsWith(s.suffix()) && f.length() > s.suffix().length()) {
                return new FieldUnit(field.substring(0, field.length() - s.suffix().length()), s.unit(), s.symbol());
            }
            if (f.equals(bare)) return new FieldUnit("", s.unit(), s.symbol());
        }
        if ("cpu".equalsIgnoreCase(metric) && !"cores".equalsIgnoreCase(field)) return new FieldUnit(field, "percent", "%");
        return new FieldUnit(field, "", "");
    }

    /** True for bytes and bytes per second, which the report prints with binary prefixes. */
    public boolean isBytes() {
        return unit.startsWith("bytes");
    }

    /** True for percentages, whose charts run from 0 to 100 unless a value goes past. */
    public boolean isPercent() {
        return unit.equals("percent");
    }
}

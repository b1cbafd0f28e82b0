package dev.opsshell.core.metrics;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A family of samples, and the fields each gives (see docs/metrics.md). Rates and cpu percentages
 * come from two readings of the host's counters; the rest is read once.
 */
public enum Family {
    /** user (with nice), system (with irq and softirq), iowait, steal, idle: percent of all cores, summing to 100; cores. */
    CPU,
    /** 1m, 5m, 15m load averages; cores (so "load above 2x cores" needs nothing else). */
    LOAD,
    /** total_bytes, used_bytes (total less available), available_bytes, used_pct. */
    MEMORY,
    /** total_bytes, used_bytes, used_pct. */
    SWAP,
    /** per mount (the label): size_bytes, used_bytes, free_bytes (available to users), used_pct. */
    DISK,
    /** per block device (the label): read_bytes_per_s, write_bytes_per_s, reads_per_s, writes_per_s, busy_pct. */
    DISKIO,
    /** per interface (the label; lo left out): rx_bytes_per_s, tx_bytes_per_s, rx_packets_per_s, tx_packets_per_s. */
    NET,
    /** available (bits in the kernel's entropy pool). */
    ENTROPY;

    /** The metric name samples carry: {@code cpu}, {@code diskio}, … */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this family needs two readings (a rate or a share of time). */
    public boolean needsTwoReadings() {
        return this == CPU || this == DISKIO || this == NET;
    }

    /** The fields its samples carry, as {@link SampleMaker} names them. */
    public List<String> fields() {
        return switch (this) {
            case CPU -> List.of("user", "system", "iowait", "steal", "idle", "cores");
            case LOAD -> List.of("1m", "5m", "15m", "cores");
            case MEMORY -> List.of("total_bytes", "used_bytes", "available_bytes", "used_pct");
            case SWAP -> List.of("total_bytes", "used_bytes", "used_pct");
            case DISK -> List.of("size_bytes", "used_bytes", "free_bytes", "used_pct");
            case DISKIO -> List.of("read_bytes_per_s", "write_bytes_per_s", "reads_per_s", "writes_per_s", "busy_pct");
            case NET -> List.of("rx_bytes_per_s", "tx_bytes_per_s", "rx_packets_per_s", "tx_packets_per_s");
            case ENTROPY -> List.of("available");
        };
    }

    public static Set<Family> all() {
        return EnumSet.allOf(Family.class);
    }

    /** The family of that name ({@code "cpu"}); a clear error naming the known ones otherwise. */
    public static Family of(String word) {
        for (Family f : values()) if (f.word().equals(word.strip().toLowerCase(Locale.ROOT))) return f;
        throw new IllegalArgumentException("no metric '" + word + "': ops samples "
                + Arrays.stream(values()).map(Family::word).collect(Collectors.joining(", ")));
    }

    /** The families given, or every family when none is. */
    public static Set<Family> orAll(Family... families) {
        return families == null || families.length == 0 ? all() : EnumSet.copyOf(Arrays.asList(families));
    }
}

package dev.opsshell.core.metrics;

import java.time.Instant;

/**
 * Which stored samples to read: a metric, and optionally a host (a name, or a glob with {@code *}),
 * a field, a label, and a time range [since, until). Null means any.
 */
public record SampleFilter(String metric, String host, String field, String label, Instant since, Instant until) {
    public static SampleFilter metric(String metric) {
        return new SampleFilter(metric, null, null, null, null, null);
    }

    /** Every sample of every metric. */
    public static SampleFilter any() {
        return new SampleFilter(null, null, null, null, null, null);
    }

    public SampleFilter host(String h) {
        return new SampleFilter(metric, h, field, label, since, until);
    }

    public SampleFilter field(String f) {
        return new SampleFilter(metric, host, f, label, since, until);
    }

    public SampleFilter label(String l) {
        return new SampleFilter(metric, host, field, l, since, until);
    }

    public SampleFilter since(Instant t) {
        return new SampleFilter(metric, host, field, label, t, until);
    }

    public SampleFilter until(Instant t) {
        return new SampleFilter(metric, host, field, label, since, t);
    }
}

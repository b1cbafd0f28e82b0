package dev.opsshell.core.metrics;

import java.util.Comparator;

/** What one line of samples is about: a host's metric, field and label (mount, device, interface). */
public record Series(String host, String metric, String field, String label) {
    static final Comparator<Series> ORDER = Comparator.comparing(Series::host).thenComparing(Series::metric)
            .thenComparing(Series::field).thenComparing(Series::label);

    public static Series of(Sample s) {
        return new Series(s.host(), s.metric(), s.field(), s.label());
    }

    /** {@code web1 disk/used_pct[/var]}. */
    public String name() {
        return host + " " + metric + "/" + field + (label.isEmpty() ? "" : "[" + label + "]");
    }

    @Override
    public String toString() {
        return name();
    }
}

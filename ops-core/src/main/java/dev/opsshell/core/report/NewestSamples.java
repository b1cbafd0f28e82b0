package dev.opsshell.core.report;

import dev.opsshell.core.metrics.Sample;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The newest sample of each host, metric, field and label among some samples. */
public final class NewestSamples {
    private NewestSamples() {
    }

    /** What identifies one series: a host's field of a metric, for one mount, device or interface. */
    public record Key(String host, String metric, String field, String label) {
        public static Key of(Sample s) {
            return new Key(s.host(), s.metric(), s.field(), s.label());
        }
    }

    /** The newest of each series (the later one wins a tie), ordered by host, metric, field and label. */
    public static List<Sample> of(Collection<Sample> samples) {
        Map<Key, Sample> newest = new LinkedHashMap<>();
        for (Sample s : samples) newest.merge(Key.of(s), s, (a, b) -> b.at().isBefore(a.at()) ? a : b);
        return newest.values().stream()
                .sorted(Comparator.comparing(Sample::host).thenComparing(Sample::metric)
                        .thenComparing(Sample::field).thenComparing(Sample::label))
                .toList();
    }
}

package dev.opsshell.core.report;

import dev.opsshell.core.metrics.Sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of one chart: one host's field of a metric (for one mount, device or interface),
 * oldest first.
 */
public record ChartSeries(String host, String metric, String field, String label, List<Sample> points) {
    public ChartSeries {
        points = List.copyOf(points);
    }

    /** One series per host, metric, field and label, ordered by metric, field, label, then host. */
    public static List<ChartSeries> of(List<Sample> samples) {
        Map<NewestSamples.Key, List<Sample>> byKey = new LinkedHashMap<>();
        for (Sample s : samples) byKey.computeIfAbsent(NewestSamples.Key.of(s), k -> new ArrayList<>()).add(s);
        return byKey.entrySet().stream()
                .map(e -> new ChartSeries(e.getKey().host(), e.getKey().metric(), e.getKey().field(), e.getKey().label(),
                        e.getValue().stream().sorted(Comparator.comparing(Sample::at)).toList()))
                .sorted(Comparator.comparing(ChartSeries::metric).thenComparing(ChartSeries::field)
                        .thenComparing(ChartSeries::label).thenComparing(ChartSeries::host))
                .toList();
    }

    /** What the chart is of, without the host: {@code cpu user}, {@code disk used_pct /var}. */
    public String title() {
        return metric + " " + field + (label.isEmpty() ? "" : " " + label);
    }

    public FieldUnit unit() {
        return FieldUnit.of(metric, field);
    }

    public double min() {
        return points.stream().mapToDouble(Sample::value).min().orElse(Double.NaN);
    }

    public double max() {
        return points.stream().mapToDouble(Sample::value).max().orElse(Double.NaN);
    }

    public Sample last() {
        return points.get(points.size() - 1);
    }
}

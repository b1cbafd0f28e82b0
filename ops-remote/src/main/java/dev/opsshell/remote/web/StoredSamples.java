package dev.opsshell.remote.web;

import dev.opsshell.core.metrics.MetricStore;
import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.metrics.SampleFilter;
import dev.opsshell.core.report.ReportFeed;
import dev.opsshell.core.report.RunSummary;

import java.time.Instant;
import java.util.List;

/** A report's samples from the metric store (its runs come from elsewhere: none here). Thread-safe as the store is. */
final class StoredSamples implements ReportFeed {
    private final MetricStore metrics;

    StoredSamples(MetricStore metrics) {
        this.metrics = metrics;
    }

    @Override
    public List<Sample> latest() {
        return metrics.latest(SampleFilter.any());
    }

    @Override
    public List<Sample> between(Instant from, Instant to) {
        return metrics.query(SampleFilter.any().since(from).until(to));
    }

    @Override
    public List<RunSummary> runs(Instant from, Instant to, int limit) {
        return List.of();
    }
}

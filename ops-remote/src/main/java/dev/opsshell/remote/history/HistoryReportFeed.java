package dev.opsshell.remote.history;

import dev.opsshell.core.history.HistoryStore;
import dev.opsshell.core.history.RunQuery;
import dev.opsshell.core.history.RunRecord;
import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.report.ReportFeed;
import dev.opsshell.core.report.RunSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A report's runs from the store's history (the "last runs" table of {@code ops report} and
 * {@code ops hub --http}); its samples from {@code samples} (the metric store's feed, or none).
 * Runs are those finished in the range, newest first. Thread-safe as the store is.
 */
public final class HistoryReportFeed implements ReportFeed {
    private final HistoryStore history;
    private final ReportFeed samples;

    public HistoryReportFeed(HistoryStore history, ReportFeed samples) {
        this.history = history;
        this.samples = samples;
    }

    @Override
    public List<Sample> latest() {
        return samples.latest();
    }

    @Override
    public List<Sample> between(Instant from, Instant to) {
        return samples.between(from, to);
    }

    @Override
    public List<RunSummary> runs(Instant from, Instant to, int limit) {
        List<RunRecord> runs = history.runs(RunQuery.all().since(from).until(to.plusNanos(1)).limit(Math.max(0, limit)));
        Map<Long, Map<dev.opsshell.core.result.Outcome, Integer>> outcomes =
                history.outcomes(runs.stream().map(RunRecord::id).toList());
        return runs.stream().map(r -> new RunSummary(String.valueOf(r.id()), r.started(), r.operation(), r.target(),
                r.source(), outcomes.getOrDefault(r.id(), Map.of()), r.exitCode(), r.duration())).toList();
    }
}

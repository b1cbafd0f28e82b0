package dev.opsshell.core.report;

import dev.opsshell.core.metrics.Sample;

import java.time.Instant;
import java.util.List;

/**
 * Where the report and the Prometheus endpoint read from: the metric store and run history (the
 * hub's and {@code ops report}'s), or what one shell saw ({@link RecentEvents}). Implementations
 * are called from the HTTP server's threads and must be thread-safe.
 */
public interface ReportFeed {

    /** The newest sample of each host, metric, field and label. */
    List<Sample> latest();

    /** Every sample taken in {@code [from, to]}, in any order. */
    List<Sample> between(Instant from, Instant to);

    /** The runs started in {@code [from, to]}, newest first, at most {@code limit}. */
    List<RunSummary> runs(Instant from, Instant to, int limit);

    /** A feed with nothing in it. */
    static ReportFeed empty() {
        return new ReportFeed() {
            @Override
            public List<Sample> latest() {
                return List.of();
            }

            @Override
            public List<Sample> between(Instant from, Instant to) {
                return List.of();
            }

            @Override
            public List<RunSummary> runs(Instant from, Instant to, int limit) {
                return List.of();
            }
        };
    }
}

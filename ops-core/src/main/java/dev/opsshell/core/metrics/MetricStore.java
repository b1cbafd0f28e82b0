package dev.opsshell.core.metrics;

import java.time.Instant;
import java.util.List;

/**
 * Samples kept as a time series in the store ({@code Store.metrics()}): a round's samples written
 * in one transaction, read back by metric, host, field, label and time, the newest per series (for
 * the Prometheus endpoint), and old ones purged. Thread-safe.
 */
public interface MetricStore {
    /** Writes all of them, or none (one transaction); a sample of a series at a time already stored replaces it. */
    void insert(List<Sample> samples);

    /** The samples the filter selects, ordered by host, metric, field, label, then time. */
    List<Sample> query(SampleFilter filter);

    /**
     * The newest sample of every series (host, metric, field, label) the filter's metric, host,
     * field and label select (its time range is ignored), ordered as {@link #query}.
     */
    List<Sample> latest(SampleFilter filter);

    /** Deletes every sample taken before {@code cutoff}; returns how many. */
    int purgeBefore(Instant cutoff);
}

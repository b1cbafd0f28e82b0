package dev.opsshell.core.report;

import dev.opsshell.core.metrics.Sample;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a report shows: the samples and runs of a time range, and when it was made. {@link #html}
 * is the self-contained page ({@link HtmlReport}).
 * <pre>{@code
 * Files.writeString(Path.of("report.html"), Report.of(feed, Duration.ofHours(6), Instant.now()).html(ZoneId.systemDefault()));
 * }</pre>
 */
public record Report(List<Sample> samples, List<RunSummary> runs, Instant from, Instant to, Instant generated) {
    /** How many runs a report lists at most. */
    public static final int MAX_RUNS = 50;

    public Report {
        samples = List.copyOf(samples);
        runs = List.copyOf(runs);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(generated, "generated");
    }

    /** The last {@code since} up to {@code now}, read from {@code feed}. */
    public static Report of(ReportFeed feed, Duration since, Instant now) {
        if (since.isNegative() || since.isZero()) {
            throw new IllegalArgumentException("a report covers a positive time range, not " + since + ": say --since 6h");
        }
        Instant from = now.minus(since);
        return new Report(feed.between(from, now), feed.runs(from, now, MAX_RUNS), from, now, now);
    }

    /** The page, times shown in {@code zone}. */
    public String html(ZoneId zone) {
        return HtmlReport.render(this, zone);
    }

    /** The page's Content-Security-Policy: nothing but its own style sheet, by hash. */
    public static String contentSecurityPolicy() {
        return HtmlReport.CSP;
    }

    /** The page's style sheet (another page using exactly this one passes the same policy). */
    public static String styleSheet() {
        return HtmlReport.CSS;
    }

    /** One chart per host, metric, field and label. */
    public List<ChartSeries> charts() {
        return ChartSeries.of(samples);
    }
}

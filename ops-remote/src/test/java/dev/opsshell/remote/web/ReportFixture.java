package dev.opsshell.remote.web;

import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.report.ReportFeed;
import dev.opsshell.core.report.RunSummary;
import dev.opsshell.core.result.Outcome;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Samples and runs for the report's real-browser and real-Prometheus tests: three hosts, three
 * series each (cpu user in percent, disk used_pct of /var, load 1m), a dozen points apiece ending a
 * minute ago; three runs (all ok, some unreachable and failed, a schedule's). {@link #feed} serves
 * them as the stores would.
 */
public record ReportFixture(List<Sample> samples, List<RunSummary> runs) {
    public static final List<String> HOSTS = List.of("web1", "web2", "db1");

    public static ReportFixture standard() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        List<Sample> samples = new ArrayList<>();
        for (int h = 0; h < HOSTS.size(); h++) {
            String host = HOSTS.get(h);
            int points = 10 + h;
            for (int i = 0; i < points; i++) {
                Instant at = end.minusSeconds(10L * (points - 1 - i));
                samples.add(new Sample(host, "cpu", "user", "", 5 + (i * 7 + h * 13) % 40, at));
                samples.add(new Sample(host, "disk", "used_pct", "/var", 50 + h * 10 + i % 3, at));
                samples.add(new Sample(host, "load", "1m", "", 0.25 * ((i + h) % 5), at));
            }
        }
        List<RunSummary> runs = List.of(
                new RunSummary("3", end, "exec uptime", "web", RunSource.schedule("uptime-check"),
                        Map.of(Outcome.OK, 1, Outcome.UNREACHABLE, 1), 4, Duration.ofMillis(1500)),
                new RunSummary("2", end.minusSeconds(30), "exec false", "db1", RunSource.shell("exec(\"false\")"),
                        Map.of(Outcome.FAILED, 1), 5, Duration.ofMillis(120)),
                new RunSummary("1", end.minusSeconds(90), "facts", "all", RunSource.script("inventory.jsh"),
                        Map.of(Outcome.OK, 3), 0, Duration.ofMillis(800)));
        return new ReportFixture(samples, runs);
    }

    /** The newest sample of {@code host}'s {@code metric}/{@code field}. */
    public Sample newest(String host, String metric, String field) {
        return samples.stream().filter(s -> s.host().equals(host) && s.metric().equals(metric) && s.field().equals(field))
                .max(Comparator.comparing(Sample::at)).orElseThrow();
    }

    /** These samples and runs as a feed. */
    public ReportFeed feed() {
        return new ReportFeed() {
            @Override
            public List<Sample> latest() {
                return dev.opsshell.core.report.NewestSamples.of(samples);
            }

            @Override
            public List<Sample> between(Instant from, Instant to) {
                return samples.stream().filter(s -> !s.at().isBefore(from) && !s.at().isAfter(to)).toList();
            }

            @Override
            public List<RunSummary> runs(Instant from, Instant to, int limit) {
                return runs.stream().filter(r -> !r.started().isBefore(from) && !r.started().isAfter(to)).limit(limit).toList();
            }
        };
    }
}

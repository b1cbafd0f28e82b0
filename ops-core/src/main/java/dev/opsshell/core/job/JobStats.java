package dev.opsshell.core.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Deploy-time analytics over finished jobs, per job kind and driver: how many, how many
 * succeeded, median and 95th-percentile duration, and the commonest errors. Prints as a table.
 */
public record JobStats(List<Row> rows) {
    public record Row(JobKind kind, String driver, int count, int succeeded, Duration median, Duration p95,
                      List<String> commonErrors) {
        public double successRate() {
            return count == 0 ? 0 : (double) succeeded / count;
        }
    }

    public static JobStats of(List<JobRecord> jobs) {
        Map<String, List<JobRecord>> groups = new TreeMap<>();
        for (JobRecord j : jobs) {
            if (!j.status().finished() || j.started() == null || j.finished() == null) continue;
            groups.computeIfAbsent(j.kind().word() + "\t" + (j.driver() == null ? "-" : j.driver()), k -> new ArrayList<>()).add(j);
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, list) -> {
            List<Duration> took = list.stream().map(j -> Duration.between(j.started(), j.finished())).sorted().toList();
            int ok = (int) list.stream().filter(j -> j.status() == JobStatus.SUCCEEDED).count();
            Map<String, Long> errors = list.stream().filter(j -> j.error() != null)
                    .collect(Collectors.groupingBy(j -> firstLine(j.error()), LinkedHashMap::new, Collectors.counting()));
            List<String> common = errors.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                    .map(e -> e.getValue() + "× " + e.getKey()).toList();
            String[] parts = key.split("\t");
            rows.add(new Row(JobKind.of(parts[0]), parts[1], list.size(), ok, percentile(took, 50), percentile(took, 95), common));
        });
        rows.sort(Comparator.comparing((Row r) -> r.kind().ordinal()).thenComparing(Row::driver));
        return new JobStats(List.copyOf(rows));
    }

    /** Nearest-rank percentile of sorted durations. */
    static Duration percentile(List<Duration> sorted, int pct) {
        if (sorted.isEmpty()) return Duration.ZERO;
        int rank = (int) Math.ceil(pct / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 100 ? line.substring(0, 99) + "…" : line;
    }

    @Override
    public String toString() {
        if (rows.isEmpty()) return "no finished jobs yet";
        StringBuilder out = new StringBuilder(String.format("%-10s %-10s %6s %8s %9s %9s  %s%n",
                "job", "driver", "count", "success", "median", "p95", "commonest errors"));
        for (Row r : rows) {
            out.append(String.format("%-10s %-10s %6d %7.0f%% %9s %9s  %s%n", r.kind().word(), r.driver(), r.count(),
                    100 * r.successRate(), human(r.median()), human(r.p95()), String.join("; ", r.commonErrors())));
        }
        return out.toString().stripTrailing();
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms < 120_000) return String.format("%.1f s", ms / 1000.0);
        return String.format("%.1f min", ms / 60000.0);
    }
}

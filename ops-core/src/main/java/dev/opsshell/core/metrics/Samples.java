package dev.opsshell.core.metrics;

import dev.opsshell.core.text.Columns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Samples as data at the prompt: the list, per series or per host, narrowed by host, field or
 * label, exported as CSV or JSON (a string, or a file), drawn as sparklines; printed as a table of
 * one line per series (last value, min, max, how many). Immutable.
 */
public final class Samples implements Iterable<Sample> {
    /** The field a sparkline of a metric shows when none is named (cpu: busy, the share not idle). */
    static final Map<String, String> SPARK_FIELD = Map.of("cpu", "busy", "load", "1m", "memory", "used_pct",
            "swap", "used_pct", "disk", "used_pct", "diskio", "busy_pct", "net", "rx_bytes_per_s", "entropy", "available");
    static final int SPARK_WIDTH = 60;

    private final List<Sample> list;

    public Samples(List<Sample> list) {
        this.list = List.copyOf(list);
    }

    public List<Sample> list() {
        return list;
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    @Override
    public Iterator<Sample> iterator() {
        return list.iterator();
    }

    /** Each series' samples in time order, series by host, metric, field, label. */
    public Map<Series, List<Sample>> series() {
        Map<Series, List<Sample>> out = new TreeMap<>(Series.ORDER);
        for (Sample s : list) out.computeIfAbsent(Series.of(s), k -> new ArrayList<>()).add(s);
        out.values().forEach(l -> l.sort(java.util.Comparator.comparing(Sample::at)));
        return out;
    }

    /** Each host's samples, hosts in the order they first appear. */
    public Map<String, Samples> byHost() {
        Map<String, List<Sample>> by = new LinkedHashMap<>();
        for (Sample s : list) by.computeIfAbsent(s.host(), k -> new ArrayList<>()).add(s);
        Map<String, Samples> out = new LinkedHashMap<>();
        by.forEach((h, l) -> out.put(h, new Samples(l)));
        return out;
    }

    public Samples host(String host) {
        return where(s -> s.host().equals(host));
    }

    public Samples metric(String metric) {
        return where(s -> s.metric().equals(metric));
    }

    public Samples field(String field) {
        return where(s -> s.field().equals(field));
    }

    public Samples label(String label) {
        return where(s -> s.label().equals(label));
    }

    public Samples where(Predicate<Sample> test) {
        return new Samples(list.stream().filter(test).toList());
    }

    /** The newest value of a host's field (the first label's), or NaN when there is none. */
    public double value(String host, String field) {
        return list.stream().filter(s -> s.host().equals(host) && s.field().equals(field))
                .max(java.util.Comparator.comparing(Sample::at)).map(Sample::value).orElse(Double.NaN);
    }

    public String csv() {
        return SampleFormats.csv(list);
    }

    public String json() {
        return SampleFormats.json(list);
    }

    /** Writes the CSV to {@code file}; returns its path. */
    public Path csv(String file) {
        return write(file, csv());
    }

    /** Writes the JSON to {@code file}; returns its path. */
    public Path json(String file) {
        return write(file, json());
    }

    private static Path write(String file, String text) {
        Path p = Path.of(file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file);
        try {
            if (p.toAbsolutePath().getParent() != null) Files.createDirectories(p.toAbsolutePath().getParent());
            return Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p + ": " + e.getMessage() + "; give a path you may write", e);
        }
    }

    /** A sparkline per host (and mount, device or interface) of each metric's usual field. */
    public Sparklines spark() {
        return spark(null, SPARK_WIDTH);
    }

    /** A sparkline per host of {@code field} (cpu's {@code busy} is 100 less idle). */
    public Sparklines spark(String field) {
        return spark(field, SPARK_WIDTH);
    }

    public Sparklines spark(String field, int width) {
        if (width < 1) throw new IllegalArgumentException("a sparkline needs a width of at least 1 column, got " + width);
        Map<Series, List<Sample>> shown = new TreeMap<>(java.util.Comparator.comparing(Series::metric)
                .thenComparing(Series::field).thenComparing(Series.ORDER));
        Map<Series, List<Sample>> all = series();
        // the metric's headline field when these samples have it, else every field they do have
        java.util.Set<String> present = new java.util.HashSet<>();
        all.keySet().forEach(k -> present.add(k.metric() + "/" + k.field()));
        all.forEach((k, samples) -> {
            String headline = SPARK_FIELD.getOrDefault(k.metric(), k.field());
            String source = headline.equals("busy") && k.metric().equals("cpu") ? "idle" : headline;
            String want = field != null ? field : present.contains(k.metric() + "/" + source) ? headline : k.field();
            if (want.equals("busy") && k.metric().equals("cpu") && k.field().equals("idle")) {
                shown.put(new Series(k.host(), k.metric(), "busy", k.label()), samples.stream()
                        .map(s -> new Sample(s.host(), s.metric(), "busy", s.label(), 100 - s.value(), s.at())).toList());
            } else if (k.field().equals(want)) {
                shown.put(k, samples);
            }
        });
        return Sparklines.of(shown, width);
    }

    /** One line per series: host, metric/field, label, last value, min, max, count, when the last was taken. */
    public String table() {
        if (list.isEmpty()) return "(no samples)\n";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"HOST", "METRIC", "LABEL", "LAST", "MIN", "MAX", "N", "AT"});
        series().forEach((k, s) -> {
            Sample last = s.get(s.size() - 1);
            double min = s.stream().mapToDouble(Sample::value).min().orElse(0);
            double max = s.stream().mapToDouble(Sample::value).max().orElse(0);
            rows.add(new String[]{k.host(), k.metric() + "/" + k.field(), k.label(), SampleFormats.human(k.metric(), k.field(), last.value()),
                    SampleFormats.human(k.metric(), k.field(), min), SampleFormats.human(k.metric(), k.field(), max),
                    Integer.toString(s.size()), Instant.ofEpochSecond(last.at().getEpochSecond()).toString()});
        });
        return Columns.render(rows);
    }

    @Override
    public String toString() {
        return table();
    }
}

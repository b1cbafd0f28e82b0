package dev.opsshell.remote.web;

import dev.opsshell.core.metrics.Sample;
import dev.opsshell.core.report.FieldUnit;
import dev.opsshell.core.report.NewestSamples;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The newest samples per host in Prometheus's text exposition format (0.0.4), written by the
 * Prometheus Java client's own writer ({@code prometheus-metrics-exposition-textformats}): HELP and
 * TYPE lines, escaping of label values and help text, and the format's details stay the Prometheus
 * project's. Every sample is a gauge named by {@link MetricNames} with a {@code host} label (and
 * {@code mount}, {@code device} or {@code interface} when it has one); no timestamps, so Prometheus
 * stamps them at scrape time, and {@code ops_last_sample_timestamp_seconds{host}} tells how fresh
 * each host's samples are. Two fields that would get one name are told apart by a short hash.
 */
public final class PrometheusText {
    /** The content type of what {@link #write} writes. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private PrometheusText() {
    }

    /** The exposition of {@code samples} (if one series has several, the newest counts). */
    public static String of(List<Sample> samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the exposition of {@code samples} to {@code out}. */
    public static void write(OutputStream out, List<Sample> samples) throws IOException {
        PrometheusTextFormatWriter.builder().build().write(out, snapshots(NewestSamples.of(samples)),
                EscapingScheme.UNDERSCORE_ESCAPING);
    }

    static MetricSnapshots snapshots(List<Sample> newest) {
        Map<String, List<Sample>> byName = new TreeMap<>();
        Map<String, String> names = names(newest);
        for (Sample s : newest) byName.computeIfAbsent(names.get(s.metric() + "/" + s.field()), n -> new ArrayList<>()).add(s);
        List<MetricSnapshot> out = new ArrayList<>();
        byName.forEach((name, list) -> out.add(gauge(name, list)));
        if (!newest.isEmpty()) out.add(sampleTimes(newest));
        return new MetricSnapshots(out);
    }

    /** One name per metric/field, unique, none of them reserved. */
    static Map<String, String> names(List<Sample> samples) {
        Map<String, String> byField = new TreeMap<>();
        for (Sample s : samples) byField.putIfAbsent(s.metric() + "/" + s.field(), MetricNames.of(s.metric(), s.field()));
        Map<String, Integer> uses = new HashMap<>();
        byField.values().forEach(n -> uses.merge(n, 1, Integer::sum));
        Map<String, String> settled = new LinkedHashMap<>();
        byField.forEach((key, name) -> {
            String metric = key.substring(0, key.indexOf('/'));
            String field = key.substring(key.indexOf('/') + 1);
            boolean clash = uses.get(name) > 1 || MetricNames.reserved().contains(name);
            settled.put(key, clash ? MetricNames.disambiguated(name, metric, field) : name);
        });
        return settled;
    }

    private static GaugeSnapshot gauge(String name, List<Sample> samples) {
        Sample first = samples.get(0);
        Unit unit = MetricNames.unit(first.metric(), first.field());
        FieldUnit fieldUnit = FieldUnit.of(first.metric(), first.field());
        GaugeSnapshot.Builder g = GaugeSnapshot.builder().name(name).unit(unit)
                .help("ops: " + first.metric() + " " + first.field()
                        + (fieldUnit.unit().isEmpty() ? "" : " (" + fieldUnit.unit().replace('_', ' ') + ")")
                        + ", the newest sample of each host");
        for (Sample s : samples) {
            Labels labels = s.label().isEmpty() ? Labels.of("host", s.host())
                    : Labels.of("host", s.host(), MetricNames.labelName(s.metric()), s.label());
            g.dataPoint(GaugeDataPointSnapshot.builder().value(s.value()).labels(labels).build());
        }
        return g.build();
    }

    private static GaugeSnapshot sampleTimes(List<Sample> newest) {
        Map<String, Instant> byHost = new TreeMap<>();
        for (Sample s : newest) byHost.merge(s.host(), s.at(), (a, b) -> a.isAfter(b) ? a : b);
        GaugeSnapshot.Builder g = GaugeSnapshot.builder().name(MetricNames.SAMPLE_TIME).unit(Unit.SECONDS)
                .help("ops: when the newest sample of each host was taken, in seconds since the Unix epoch");
        byHost.forEach((host, at) -> g.dataPoint(GaugeDataPointSnapshot.builder()
                .value(at.toEpochMilli() / 1000.0).labels(Labels.of("host", host)).build()));
        return g.build();
    }
}

package dev.opsshell.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * A question about stored samples, refined step by step and answered as {@link Samples}:
 * <pre>{@code
 * metrics("cpu").last(Duration.ofHours(1));              // every host's cpu samples of the last hour
 * metrics("disk").host("web1").field("used_pct").since(t).samples();
 * metrics("cpu").spark();                                 // a sparkline per host (the last hour)
 * }</pre>
 * Without a time range it reads {@link #DEFAULT_WINDOW}. Immutable; each method returns a new query.
 */
public final class MetricQuery {
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    /** cpu's headline field, as sparklines draw it: 100 less idle. */
    static final String BUSY = "busy";

    private final Supplier<MetricStore> store;
    private final SampleFilter filter;

    public MetricQuery(Supplier<MetricStore> store, SampleFilter filter) {
        this.store = store;
        // a typo is told at once, with the known names; " CPU" reads as the stored "cpu"
        this.filter = filter.metric() == null ? filter
                : new SampleFilter(Family.of(filter.metric()).word(), filter.host(), filter.field(), filter.label(), filter.since(), filter.until());
    }

    public SampleFilter filter() {
        return filter;
    }

    /** Only this host (a name, or a glob such as {@code web*}). */
    public MetricQuery host(String host) {
        return new MetricQuery(store, filter.host(host));
    }

    public MetricQuery field(String field) {
        if (field != null && filter.metric() != null) {
            Family family = Family.of(filter.metric());
            boolean busy = family == Family.CPU && field.equals(BUSY);
            if (!busy && !family.fields().contains(field)) {
                throw new IllegalArgumentException(family.word() + " has no field '" + field + "'; its fields are "
                        + String.join(", ", family.fields()) + (family == Family.CPU ? ", and busy (100 less idle)" : ""));
            }
        }
        return new MetricQuery(store, filter.field(field));
    }

    /** Only this mount, device or interface. */
    public MetricQuery label(String label) {
        return new MetricQuery(store, filter.label(label));
    }

    public MetricQuery since(Instant t) {
        return new MetricQuery(store, filter.since(t));
    }

    public MetricQuery until(Instant t) {
        return new MetricQuery(store, filter.until(t));
    }

    /** The samples of the last {@code window}, up to now. */
    public Samples last(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("last(" + window + ") looks back no time at all; give a positive duration: last(Duration.ofHours(1))");
        }
        return since(Instant.now().minus(window)).until(null).samples();
    }

    /** The samples of the range given (the last hour when none is). */
    public Samples samples() {
        SampleFilter f = filter.since() == null && filter.until() == null ? filter.since(Instant.now().minus(DEFAULT_WINDOW)) : filter;
        return new Samples(busy(store.get().query(idleForBusy(f))));
    }

    /** cpu's busy is not stored: it is read as idle, then turned round. */
    private static SampleFilter idleForBusy(SampleFilter f) {
        return BUSY.equals(f.field()) && Family.CPU.word().equals(f.metric()) ? f.field("idle") : f;
    }

    private List<Sample> busy(List<Sample> read) {
        if (!BUSY.equals(filter.field()) || !Family.CPU.word().equals(filter.metric())) return read;
        return read.stream().map(s -> new Sample(s.host(), s.metric(), BUSY, s.label(), 100 - s.value(), s.at())).toList();
    }

    /** The newest sample of every series the query selects. */
    public Samples latest() {
        return new Samples(busy(store.get().latest(idleForBusy(filter))));
    }

    /** A sparkline per host: of the field chosen with {@link #field}, else the metric's headline one (cpu: busy). */
    public Sparklines spark() {
        return samples().spark(filter.field());
    }

    public Sparklines spark(String field) {
        return samples().spark(field);
    }

    public String csv() {
        return samples().csv();
    }

    public String json() {
        return samples().json();
    }

    public java.nio.file.Path csv(String file) {
        return samples().csv(file);
    }

    public java.nio.file.Path json(String file) {
        return samples().json(file);
    }

    @Override
    public String toString() {
        return samples().toString();
    }
}

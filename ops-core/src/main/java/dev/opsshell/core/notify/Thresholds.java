package dev.opsshell.core.notify;

import dev.opsshell.core.metrics.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Thresholds over samples: a mount's disk used above {@code disk_pct}, a host's 1-minute load
 * above {@code load_per_core} times its cores. Each fires once when crossed and again only after
 * it went back below (recovered), per host and mount. The metric names are those the metrics
 * sampler writes ({@link #DISK}…); change them here if it changes.
 */
public final class Thresholds {
    public static final String DISK = "disk";
    public static final String DISK_USED_PCT = "used_pct";
    public static final String LOAD = "load";
    public static final String LOAD_1M = "1m";
    public static final String CPU = "cpu";
    /** The sampler writes cores under cpu and under load; either does. */
    public static final String CORES = "cores";

    private final Supplier<NotifySettings> settings;
    private final Map<String, Boolean> above = new ConcurrentHashMap<>();
    private final Map<String, Double> cores = new ConcurrentHashMap<>();

    public Thresholds(Supplier<NotifySettings> settings) {
        this.settings = settings;
    }

    /** The notices one round of samples crosses into. */
    public List<Notice> check(List<Sample> samples) {
        for (Sample s : samples) {
            if ((s.metric().equals(CPU) || s.metric().equals(LOAD)) && s.field().equals(CORES) && s.value() > 0) {
                cores.put(s.host(), s.value());
            }
        }
        NotifySettings set = settings.get();
        List<Notice> out = new ArrayList<>();
        for (Sample s : samples) {
            if (s.metric().equals(DISK) && s.field().equals(DISK_USED_PCT)) {
                double limit = set.diskPct();
                crossing("disk " + s.host() + " " + s.label(), s.value() > limit).ifPresent(x -> out.add(notice(s,
                        s.host() + ": disk " + s.label() + " " + pct(s.value()) + " used (above " + pct(limit) + ")",
                        "mount", s.label(), "limit", pct(limit))));
            } else if (s.metric().equals(LOAD) && s.field().equals(LOAD_1M) && cores.containsKey(s.host())) {
                double n = cores.get(s.host());
                double limit = set.loadPerCore() * n;
                crossing("load " + s.host(), s.value() > limit).ifPresent(x -> out.add(notice(s,
                        s.host() + ": load " + num(s.value()) + " (above " + num(limit) + ", " + num(set.loadPerCore())
                                + " x " + num(n) + " cores)", "cores", num(n), "limit", num(limit))));
            }
        }
        return out;
    }

    /** Present when this value crosses from below to above; going back below re-arms it. */
    private java.util.Optional<Boolean> crossing(String key, boolean isAbove) {
        Boolean was = above.put(key, isAbove);
        return isAbove && !Boolean.TRUE.equals(was) ? java.util.Optional.of(true) : java.util.Optional.empty();
    }

    private static Notice notice(Sample s, String title, String k1, String v1, String k2, String v2) {
        Map<String, String> f = new java.util.TreeMap<>(Map.of("host", s.host(), "metric", s.metric(), "field", s.field(),
                "value", num(s.value()), k2, v2));
        if (!v1.isEmpty()) f.put(k1, v1);
        return new Notice("threshold", title, title + "\nat " + s.at(), f, s.at());
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}

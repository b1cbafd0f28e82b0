package dev.opsshell.core.result;

import dev.opsshell.core.host.Hosts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A typed value per host next to the results that produced it: a package's installed version, a
 * service's state, the processes matching a name. Hosts where the operation failed have no value;
 * their reason is in {@link #results()}.
 * <pre>{@code
 * var v = installed(hosts("web"), "openssh-server");
 * v.get("web1");                                       // the value
 * v.where(p -> p.isInstalled()).hosts().exec("…");      // the next step where the value says so
 * }</pre>
 */
public final class HostValues<T> {
    private final Results results;
    private final Map<String, T> values;

    public HostValues(Results results, Map<String, T> values) {
        this.results = results;
        Map<String, T> ordered = new LinkedHashMap<>();
        for (Result r : results) {
            T v = values.get(r.host().name());
            if (v != null) ordered.put(r.host().name(), v);
        }
        this.values = ordered;
    }

    /** Reads a value from each successful result; a result {@code read} cannot parse stays without a value. */
    public static <T> HostValues<T> read(Results results, Function<Result, T> read) {
        Map<String, T> m = new LinkedHashMap<>();
        for (Result r : results) {
            if (r.ok()) m.put(r.host().name(), read.apply(r));
        }
        return new HostValues<>(results, m);
    }

    public Results results() {
        return results;
    }

    public Map<String, T> asMap() {
        return Map.copyOf(values);
    }

    public T get(String host) {
        T v = values.get(host);
        if (v != null) return v;
        Result r = results.get(host);
        throw new IllegalArgumentException("no value for '" + host + "': " + r.outcome().label() + " " + r.summary().strip());
    }

    public Optional<T> find(String host) {
        return Optional.ofNullable(values.get(host));
    }

    public List<T> list() {
        return new ArrayList<>(values.values());
    }

    /** The hosts whose value passes {@code test}; hosts without a value never do. */
    public HostValues<T> where(Predicate<T> test) {
        Map<String, T> kept = new LinkedHashMap<>();
        values.forEach((h, v) -> {
            if (test.test(v)) kept.put(h, v);
        });
        return new HostValues<>(results.where(r -> kept.containsKey(r.host().name())), kept);
    }

    /** The hosts that have a value, reached as before. */
    public Hosts hosts() {
        return results.where(r -> values.containsKey(r.host().name())).hosts();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        int width = results.list().stream().mapToInt(r -> r.host().name().length()).max().orElse(4);
        for (Result r : results) {
            T v = values.get(r.host().name());
            String name = r.host().name() + " ".repeat(width - r.host().name().length());
            String text = v != null ? v.toString() : "✗ " + r.outcome().label() + ": " + r.summary().strip().replace("\n", " | ");
            s.append(v != null ? "✔ " : "  ").append(name).append("  ").append(text.replace("\n", "\n    " + " ".repeat(width))).append('\n');
        }
        return s.append(results.summary()).toString();
    }
}

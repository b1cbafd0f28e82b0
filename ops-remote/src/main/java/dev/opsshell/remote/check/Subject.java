package dev.opsshell.remote.check;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What is probed on a host: a kind, its id (package name, path, port, command line …) and the
 * options of the probe (an http request's method, a command's timeout …). Checks on the same
 * subject share one probe in the script.
 */
public record Subject(Kind kind, String id, Map<String, String> options) {

    public Subject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException(kind.goss() + ": give what to check (a name, path, port …)");
        options = Map.copyOf(new TreeMap<>(options == null ? Map.of() : options));
    }

    public static Subject of(Kind kind, String id) {
        return new Subject(kind, id, Map.of());
    }

    public Subject with(String option, String value) {
        Map<String, String> m = new TreeMap<>(options);
        m.put(option, value);
        return new Subject(kind, id, m);
    }

    public String option(String name, String otherwise) {
        return options.getOrDefault(name, otherwise);
    }

    @Override
    public String toString() {
        return kind.label() + ": " + id;
    }
}

package dev.opsshell.core.system;

import java.util.Map;
import java.util.TreeMap;

/**
 * The one driver-specific part of a machine's record: which driver ({@code kvm}, {@code physical},
 * later {@code aws}, {@code digitalocean}) and its settings as plain strings (kvm: {@code uri},
 * {@code pool}, {@code image}, {@code network}; physical: {@code mac}, {@code broadcast},
 * {@code address}). Core reads only the kind; each driver reads its own keys. Never holds a secret:
 * credentials come from the driver's own standard places at run time.
 */
public record DriverSection(String kind, Map<String, String> settings) {
    public DriverSection {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("a driver section needs a kind");
        settings = Map.copyOf(settings == null ? Map.of() : settings);
    }

    public static DriverSection of(String kind, Map<String, String> settings) {
        return new DriverSection(kind, settings);
    }

    public String get(String key) {
        return settings.get(key);
    }

    public String get(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    /** A copy with one setting changed (or added). */
    public DriverSection with(String key, String value) {
        Map<String, String> next = new TreeMap<>(settings);
        if (value == null) next.remove(key);
        else next.put(key, value);
        return new DriverSection(kind, next);
    }

    @Override
    public String toString() {
        return kind + new TreeMap<>(settings);
    }
}

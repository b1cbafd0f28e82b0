package dev.opsshell.remote.packages;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One host's answer to "which versions are installed": package → version, empty when it is not installed. */
public record InstalledPackages(Map<String, String> versions) {

    public InstalledPackages {
        versions = Map.copyOf(versions);
    }

    /** The installed version of {@code name}, if it is installed. */
    public Optional<String> version(String name) {
        String v = versions.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public boolean isInstalled(String name) {
        return version(name).isPresent();
    }

    /** True when every package asked about is installed. */
    public boolean allInstalled() {
        return versions.values().stream().noneMatch(String::isEmpty);
    }

    @Override
    public String toString() {
        return versions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + (e.getValue().isEmpty() ? "(not installed)" : e.getValue()))
                .collect(Collectors.joining(", "));
    }
}

package dev.opsshell.core.driver;

import dev.opsshell.core.system.DriverSection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The drivers on the class path and the connections opened through them: one open driver per
 * connection key (one libvirt connection per URI), kept until {@link #close()}. Thread-safe.
 */
public final class Drivers implements AutoCloseable {
    private final Map<String, DriverProvider> providers = new LinkedHashMap<>();
    private final Map<String, Driver> open = new LinkedHashMap<>();

    public Drivers() {
        this(ServiceLoader.load(DriverProvider.class, Drivers.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public Drivers(List<DriverProvider> found) {
        for (DriverProvider p : found) providers.putIfAbsent(p.kind(), p);
    }

    /** The kinds that can be used here, e.g. {@code [kvm, physical]}. */
    public List<String> kinds() {
        return List.copyOf(providers.keySet());
    }

    /** The open driver for a section, connecting on first use. */
    public synchronized Driver of(DriverSection section) {
        DriverProvider p = providers.get(section.kind());
        if (p == null) {
            throw new DriverException("no driver for '" + section.kind() + "' here; the drivers on the class path are "
                    + kinds());
        }
        String key = p.connectionKey(section);
        Driver d = open.get(key);
        if (d == null) {
            d = p.open(section);
            open.put(key, d);
        }
        return d;
    }

    /** Every driver opened so far (for sync across all of them). */
    public synchronized List<Driver> opened() {
        return new ArrayList<>(open.values());
    }

    @Override
    public synchronized void close() {
        for (Driver d : open.values()) {
            try {
                d.close();
            } catch (RuntimeException ignored) {
                // closing the rest matters more than one driver's complaint at shutdown
            }
        }
        open.clear();
    }
}

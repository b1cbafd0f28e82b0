package dev.opsshell.shell.systems;

import dev.opsshell.core.fleet.Os;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Size;
import dev.opsshell.remote.SystemsOps;

import java.util.List;
import java.util.Map;

/** The presets of the vocabulary read from command-line words: {@code --size medium}, {@code --os debian-12}, {@code --driver kvm}. */
final class Presets {
    private static final List<Size> SIZES = List.of(Size.TINY, Size.SMALL, Size.MEDIUM, Size.LARGE, Size.XLARGE);

    private Presets() {
    }

    static Size size(String name) {
        return SIZES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new UsageError("no size '" + name + "'; the sizes are " + SIZES.stream().map(Size::name).toList()));
    }

    static Os os(String name) {
        if (name.equals(Os.DEBIAN_12.name()) || name.equals("debian")) return Os.DEBIAN_12;
        if (name.equals(Os.UBUNTU_24.name()) || name.equals("ubuntu")) return Os.UBUNTU_24;
        return new Os(name, null);
    }

    /**
     * A driver section: kvm on {@code uri}, else {@code OPS_KVM_URI}, else the test hypervisor, as
     * {@code kvm()} is; other drivers by kind. {@code settings} are the driver's own KEY=VALUE settings.
     */
    static DriverSection driver(String kind, String uri, Map<String, String> settings) {
        DriverSection section;
        if (kind.equals("kvm")) section = uri == null ? SystemsOps.kvm() : SystemsOps.kvm(uri);
        else section = DriverSection.of(kind, uri == null ? Map.of() : Map.of("uri", uri));
        for (var e : settings.entrySet()) section = section.with(e.getKey(), e.getValue());
        return section;
    }
}

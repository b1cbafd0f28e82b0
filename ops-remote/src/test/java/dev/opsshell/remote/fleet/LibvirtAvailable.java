package dev.opsshell.remote.fleet;

import dev.opsshell.core.testing.Requirements;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** libvirt0 present (the kvm driver loads it through JNA); skipped outside CI without it, failed under CI. */
final class LibvirtAvailable {
    private LibvirtAvailable() {
    }

    static void require() {
        boolean found = Stream.of("/usr/lib/x86_64-linux-gnu/libvirt.so.0", "/usr/lib/aarch64-linux-gnu/libvirt.so.0",
                "/usr/lib64/libvirt.so.0", "/usr/lib/libvirt.so.0").anyMatch(p -> Files.exists(Path.of(p)));
        Requirements.require(found, "libvirt0 is not installed (apt-get install -y libvirt0)");
    }
}

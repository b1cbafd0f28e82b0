package dev.opsshell.remote.driver.digitalocean;

import dev.opsshell.core.system.Machine;

import java.util.List;

/**
 * ops's sizes as DigitalOcean size slugs: tiny s-1vcpu-512mb-10gb … xlarge s-8vcpu-16gb. A machine
 * between sizes gets the smallest slug with at least its CPUs and memory; the section's
 * {@code size} setting overrides the choice.
 */
final class DropletSizes {
    private record Slug(int cpu, int ramMb, String slug) {
    }

    private static final List<Slug> SLUGS = List.of(
            new Slug(1, 512, "s-1vcpu-512mb-10gb"),
            new Slug(1, 1024, "s-1vcpu-1gb"),
            new Slug(2, 2048, "s-2vcpu-2gb"),
            new Slug(4, 8192, "s-4vcpu-8gb"),
            new Slug(8, 16384, "s-8vcpu-16gb"));

    private DropletSizes() {
    }

    static String slug(Machine m, String override) {
        if (override != null && !override.isBlank()) return override;
        for (Slug s : SLUGS) if (s.cpu >= m.cpu() && s.ramMb >= m.ramMb()) return s.slug;
        return SLUGS.get(SLUGS.size() - 1).slug;
    }
}

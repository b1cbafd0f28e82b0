package dev.opsshell.core.driver;

import dev.opsshell.core.system.DriverSection;

/**
 * A driver plug-in, listed in {@code META-INF/services/dev.opsshell.core.driver.DriverProvider}.
 * Core knows drivers only through this.
 */
public interface DriverProvider {
    /** The section kind served ({@code kvm}). */
    String kind();

    /** Which connection a section needs: sections with the same key share one open driver. */
    default String connectionKey(DriverSection section) {
        return section.kind();
    }

    /** Opens (connects) a driver for sections with this section's connection key. */
    Driver open(DriverSection section);
}

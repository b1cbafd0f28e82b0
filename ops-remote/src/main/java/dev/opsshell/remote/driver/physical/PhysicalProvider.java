package dev.opsshell.remote.driver.physical;

import dev.opsshell.core.Session;
import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverProvider;
import dev.opsshell.core.system.DriverSection;

/**
 * Registers {@link PhysicalDriver} as {@code physical}. One driver serves every physical machine:
 * there is no connection to open, commands go through the current session's SSH transport.
 */
public final class PhysicalProvider implements DriverProvider {
    @Override
    public String kind() {
        return PhysicalSection.KIND;
    }

    @Override
    public Driver open(DriverSection section) {
        return new PhysicalDriver(Session::current);
    }
}

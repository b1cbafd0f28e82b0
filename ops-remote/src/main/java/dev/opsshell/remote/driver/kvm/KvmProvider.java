package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverProvider;
import dev.opsshell.core.system.DriverSection;

/** The kvm driver plug-in: sections of kind {@code kvm} share one libvirt connection per URI. */
public final class KvmProvider implements DriverProvider {
    @Override
    public String kind() {
        return "kvm";
    }

    @Override
    public String connectionKey(DriverSection section) {
        return KvmSettings.uri(section);
    }

    @Override
    public Driver open(DriverSection section) {
        return KvmDriver.connect(KvmSettings.uri(section));
    }
}

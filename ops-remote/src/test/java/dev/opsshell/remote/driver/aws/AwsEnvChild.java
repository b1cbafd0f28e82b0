package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.system.DriverSection;

import java.util.Map;

/** Run by {@link AwsStandardSettingsTest} in a JVM of its own: an aws section with no settings, everything from the environment. */
public final class AwsEnvChild {
    public static void main(String[] args) {
        try (Drivers drivers = new Drivers()) {
            System.out.println("listed " + drivers.of(DriverSection.of("aws", Map.of())).list().size());
        }
    }
}

package dev.opsshell.remote.driver.digitalocean;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverProvider;
import dev.opsshell.core.system.DriverSection;

import java.nio.file.Path;
import java.util.Map;

/**
 * The digitalocean driver plug-in: sections share one driver per API URL. The token is read when the
 * driver opens ({@link DigitalOceanToken}), from the environment or the ops config, never from the section.
 */
public final class DigitalOceanProvider implements DriverProvider {
    private final Map<String, String> env;
    private final Path config;
    private final Timing timing;

    public DigitalOceanProvider() {
        this(System.getenv(), DigitalOceanToken.defaultConfig(), Timing.DEFAULT);
    }

    DigitalOceanProvider(Map<String, String> env, Path config, Timing timing) {
        this.env = env;
        this.config = config;
        this.timing = timing;
    }

    @Override
    public String kind() {
        return "digitalocean";
    }

    @Override
    public String connectionKey(DriverSection section) {
        return "digitalocean " + DigitalOceanSettings.apiUrl(section, env);
    }

    @Override
    public Driver open(DriverSection section) {
        return new DigitalOceanDriver(DigitalOceanSettings.apiUrl(section, env), DigitalOceanToken.find(env, config), timing);
    }
}

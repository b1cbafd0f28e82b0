package dev.opsshell.remote.driver.digitalocean;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.config.ConfigException;
import dev.opsshell.core.config.OpsConfig;
import dev.opsshell.core.config.Setting;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the API token comes from: {@code DIGITALOCEAN_ACCESS_TOKEN} (as doctl reads it), else the
 * key {@code digitalocean.token} of the ops config (a properties file, read, never written). The
 * token is never stored in the store, never printed: {@link #toString()} hides it.
 */
public final class DigitalOceanToken {
    static final String ENV = "DIGITALOCEAN_ACCESS_TOKEN";
    static final String CONFIG_KEY = "digitalocean.token";

    private final String value;

    DigitalOceanToken(String value) {
        this.value = value;
    }

    /** The token from {@code env}, else from {@code config}; a clear error naming both places when neither has one. */
    static DigitalOceanToken find(Map<String, String> env, Path config) {
        Optional<Setting> set;
        try {
            set = OpsConfig.at(env, config).find(CONFIG_KEY, ENV);
        } catch (ConfigException e) {
            throw new DriverException("digitalocean: " + e.getMessage(), e);
        }
        if (set.isPresent()) return new DigitalOceanToken(set.get().value().trim());
        throw new DriverException("digitalocean: no API token; set " + ENV + " (as for doctl) or put "
                + CONFIG_KEY + "=<token> in " + config + " (make one at https://cloud.digitalocean.com/account/api/tokens)");
    }

    /** The ops config's default place. */
    static Path defaultConfig() {
        return OpsConfig.defaultFile(Path.of(System.getProperty("user.home")));
    }

    String bearer() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "DigitalOceanToken[hidden]";
    }
}

package dev.opsshell.remote.driver.digitalocean;

import dev.opsshell.core.driver.DriverException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

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
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return new DigitalOceanToken(fromEnv.trim());
        if (Files.isReadable(config)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(config)) {
                p.load(r);
            } catch (IOException e) {
                throw new DriverException("digitalocean: cannot read the ops config " + config + " (" + e.getMessage() + ")", e);
            }
            String fromConfig = p.getProperty(CONFIG_KEY);
            if (fromConfig != null && !fromConfig.isBlank()) return new DigitalOceanToken(fromConfig.trim());
        }
        throw new DriverException("digitalocean: no API token; set " + ENV + " (as for doctl) or put "
                + CONFIG_KEY + "=<token> in " + config + " (make one at https://cloud.digitalocean.com/account/api/tokens)");
    }

    /** The ops config's default place. */
    static Path defaultConfig() {
        return Path.of(System.getProperty("user.home"), ".ops", "config");
    }

    String bearer() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "DigitalOceanToken[hidden]";
    }
}

package dev.opsshell.remote.driver.digitalocean;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.system.DriverSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the token and the API URL come from, and the error when there is no token. */
class DigitalOceanTokenTest {
    @TempDir
    Path dir;

    @Test
    void theEnvironmentComesFirstThenTheOpsConfig() throws IOException {
        Path config = dir.resolve("config");
        Files.writeString(config, "# ops\ndigitalocean.token = from-config\n");
        assertEquals("Bearer from-env", DigitalOceanToken.find(Map.of("DIGITALOCEAN_ACCESS_TOKEN", "from-env"), config).bearer());
        assertEquals("Bearer from-config", DigitalOceanToken.find(Map.of(), config).bearer());
        assertFalse(DigitalOceanToken.find(Map.of(), config).toString().contains("from-config"));
    }

    @Test
    void noTokenIsAClearErrorNamingBothPlaces() {
        Path config = dir.resolve("missing-config");
        DriverException e = assertThrows(DriverException.class, () -> DigitalOceanToken.find(Map.of(), config));
        assertTrue(e.getMessage().contains("DIGITALOCEAN_ACCESS_TOKEN") && e.getMessage().contains("digitalocean.token")
                && e.getMessage().contains(config.toString()), e.getMessage());
        DriverException viaProvider = assertThrows(DriverException.class, () -> new DigitalOceanProvider(Map.of(), config, Timing.DEFAULT)
                .open(DriverSection.of("digitalocean", Map.of())));
        assertTrue(viaProvider.getMessage().contains("DIGITALOCEAN_ACCESS_TOKEN"), viaProvider.getMessage());
    }

    @Test
    void theProviderIsFoundOnTheClassPathAndSectionsShareOneDriverPerApiUrl() {
        try (dev.opsshell.core.driver.Drivers drivers = new dev.opsshell.core.driver.Drivers()) {
            assertTrue(drivers.kinds().contains("digitalocean"), drivers.kinds().toString());
        }
        DigitalOceanProvider p = new DigitalOceanProvider(Map.of(), dir.resolve("none"), Timing.DEFAULT);
        DriverSection nyc = DriverSection.of("digitalocean", Map.of("region", "nyc3"));
        assertEquals(p.connectionKey(nyc), p.connectionKey(nyc.with("region", "ams3")));
        assertFalse(p.connectionKey(nyc).equals(p.connectionKey(nyc.with("api_url", "http://127.0.0.1:9"))));
    }

    @Test
    void theApiUrlIsTheSectionsThenTheEnvironmentsThenDigitalOceans() {
        DriverSection none = DriverSection.of("digitalocean", Map.of());
        assertEquals("https://api.digitalocean.com", DigitalOceanSettings.apiUrl(none, Map.of()).toString());
        assertEquals("http://127.0.0.1:9", DigitalOceanSettings.apiUrl(none, Map.of("DIGITALOCEAN_API_URL", "http://127.0.0.1:9/")).toString());
        assertEquals("http://10.0.0.1:8080", DigitalOceanSettings.apiUrl(none.with("api_url", "http://10.0.0.1:8080"),
                Map.of("DIGITALOCEAN_API_URL", "http://127.0.0.1:9")).toString());
        DriverException e = assertThrows(DriverException.class, () -> DigitalOceanSettings.apiUrl(none.with("api_url", "ftp://x"), Map.of()));
        assertTrue(e.getMessage().contains("api_url"), e.getMessage());
    }
}

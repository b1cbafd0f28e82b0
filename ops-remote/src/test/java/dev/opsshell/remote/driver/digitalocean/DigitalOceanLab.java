package dev.opsshell.remote.driver.digitalocean;

import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineIds;
import dev.opsshell.core.system.MachineState;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Drivers and machines for tests against {@link FakeDigitalOcean}: short polls, the fake's token. */
final class DigitalOceanLab {
    static final Timing FAST = new Timing(Duration.ofMillis(50), Duration.ofSeconds(60), Duration.ofSeconds(30));

    private DigitalOceanLab() {
    }

    static DigitalOceanDriver driver(FakeDigitalOcean fake) {
        return driver(fake.url(), FakeDigitalOcean.TOKEN);
    }

    static DigitalOceanDriver driver(URI url, String token) {
        return new DigitalOceanDriver(url, new DigitalOceanToken(token), FAST);
    }

    static DriverSection section(FakeDigitalOcean fake) {
        return DriverSection.of("digitalocean", Map.of("api_url", fake.url().toString(), "region", "nyc3",
                "image", "debian-12-x64"));
    }

    static Machine machine(DriverSection section) {
        return new Machine(MachineIds.next(), "web", "example.org", "deploy", "debian-12", 1, 1024, List.of(), null,
                "web", Set.of(), MachineState.NEW, section, null, null, null);
    }
}

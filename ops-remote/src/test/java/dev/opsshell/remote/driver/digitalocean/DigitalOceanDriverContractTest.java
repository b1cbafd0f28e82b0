package dev.opsshell.remote.driver.digitalocean;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.testing.DriverContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.util.List;

/**
 * The driver contract against {@link FakeDigitalOcean}: droplets that are {@code new} for a while and
 * get their address later. Leftovers of an interrupted create are a droplet carrying the system's
 * tag (the POST went through, the process died); a half-way failure is a droplet whose create
 * action errors (the image {@value FakeDroplets#FAILING_IMAGE}).
 */
class DigitalOceanDriverContractTest extends DriverContract {
    private static FakeDigitalOcean fake;
    private static DigitalOceanDriver driver;

    @BeforeAll
    static void start() throws IOException {
        fake = new FakeDigitalOcean();
        driver = DigitalOceanLab.driver(fake);
    }

    @AfterAll
    static void stop() {
        driver.close();
        fake.close();
    }

    @Override
    protected Driver driver() {
        return driver;
    }

    @Override
    protected Machine template() {
        return DigitalOceanLab.machine(DigitalOceanLab.section(fake));
    }

    @Override
    protected void leaveLeftoversOfAnInterruptedCreate(Machine m) {
        fake.droplets.create(m.hostname(), "nyc3", "s-1vcpu-1gb", "debian-12-x64",
                List.of("ops", "ops-system-" + m.id()), null);
    }

    @Override
    protected void deleteBehindTheDriversBack(Machine m) {
        fake.droplets.delete(Long.parseLong(m.ref()));
    }

    @Override
    protected Machine failingHalfWay(Machine m) {
        return m.withDriver(m.driver().with("image", FakeDroplets.FAILING_IMAGE));
    }

    @Override
    protected List<String> tracesOf(Machine m) {
        return fake.droplets.traces(m.id());
    }
}

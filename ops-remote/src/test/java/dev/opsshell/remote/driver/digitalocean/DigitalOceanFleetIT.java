package dev.opsshell.remote.driver.digitalocean;

import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.fleet.Fleet;
import dev.opsshell.core.fleet.JobResults;
import dev.opsshell.core.fleet.Template;
import dev.opsshell.core.job.JobQueue;
import dev.opsshell.core.job.Provisioner;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.Size;
import dev.opsshell.core.system.Type;
import dev.opsshell.core.transport.Prompter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The digitalocean driver under the job queue (db-scheduler on a temp SQLite store, 4 workers):
 * 20 systems created while the endpoint throttles calls mid-way (429 with Retry-After) and some
 * create answers are lost (the droplet made, a 500 answered): each system has exactly one droplet.
 */
class DigitalOceanFleetIT {
    @TempDir
    Path dir;
    FakeDigitalOcean fake;
    Fleet fleet;

    @BeforeEach
    void open() throws IOException {
        fake = new FakeDigitalOcean();
        DigitalOceanProvider provider = new DigitalOceanProvider(Map.of("DIGITALOCEAN_ACCESS_TOKEN", FakeDigitalOcean.TOKEN),
                dir.resolve("no-config"), DigitalOceanLab.FAST);
        fleet = new Fleet(JdbcStore.open(StoreLocation.sqlite(dir.resolve("ops.db"))), new Drivers(List.of(provider)),
                Provisioner.NONE, new JobQueue.Options(4, Duration.ofMillis(200), Duration.ofSeconds(1)),
                () -> new Prompter() {
                    public Optional<char[]> secret(String prompt) {
                        return Optional.empty();
                    }

                    public Optional<String> line(String prompt) {
                        return Optional.empty();
                    }
                });
    }

    @AfterEach
    void close() {
        if (fleet != null) fleet.close();
        if (fake != null) fake.close();
    }

    @Test
    void twentyMachinesThrottledMidWayExistOnceEach() {
        fake.throttleEvery = 7;
        fake.retryAfterSeconds = 1;
        fake.loseCreateAnswers.set(3);
        JobResults r = fleet.create(Template.of(DigitalOceanLab.section(fake), Size.SMALL, Type.named("web")), 20);
        assertTrue(r.allSucceeded(), r.toString());
        List<Machine> web = fleet.systems().typed("web").list();
        assertEquals(20, web.size());
        assertTrue(web.stream().allMatch(m -> m.state() == MachineState.RUNNING && m.hasIp()), web.toString());
        Map<String, Integer> droplets = fake.droplets.perSystem();
        assertEquals(web.stream().map(m -> "ops-system-" + m.id()).collect(Collectors.toSet()), droplets.keySet(),
                "one droplet per system, no other");
        assertTrue(droplets.values().stream().allMatch(n -> n == 1), "none twice: " + droplets);
        assertEquals(20, fake.droplets.count());
        assertTrue(fake.throttled.get() > 0, "the endpoint did throttle");
        assertEquals(0, fake.earlyRetries.get(), "Retry-After was honoured");
        assertTrue(fake.droplets.perSystem().size() == 20 && fake.loseCreateAnswers.get() == 0, "the lost answers happened");

        JobResults gone = fleet.systems().typed("web").forced().destroy();
        assertTrue(gone.allSucceeded(), gone.toString());
        assertEquals(0, fake.droplets.count());
    }
}

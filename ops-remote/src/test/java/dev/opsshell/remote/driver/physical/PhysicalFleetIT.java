package dev.opsshell.remote.driver.physical;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverProvider;
import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.fleet.Fleet;
import dev.opsshell.core.fleet.JobResults;
import dev.opsshell.core.fleet.Template;
import dev.opsshell.core.job.JobQueue;
import dev.opsshell.core.job.Provisioner;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.Type;
import dev.opsshell.core.transport.Prompter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A physical machine through the whole systems layer: added (its state read from the driver),
 * woken and shut down by jobs, read back by sync, destroy refused as a job's failure, cleared.
 * The machine is the stand-in of {@link PhysicalLab}: a LAN port that hears Wake-on-LAN and an
 * SSH server (MINA) that powers off on {@code shutdown}.
 */
class PhysicalFleetIT {
    @TempDir
    Path dir;

    @Test
    void anExistingMachineIsAddedWokenStoppedAndNeverDestroyed() throws Exception {
        try (PhysicalLab lab = new PhysicalLab(java.nio.file.Files.createDirectories(dir.resolve("lab")));
             Fleet fleet = new Fleet(JdbcStore.open(StoreLocation.sqlite(dir.resolve("ops.db"))), new Drivers(List.of(provider(lab.driver))),
                     Provisioner.NONE, new JobQueue.Options(2, Duration.ofMillis(200), Duration.ofSeconds(1)), () -> Prompter.NONE)) {
            DriverSection section = lab.record("unused", Map.of()).driver();
            Machine rack = fleet.add("rack1", Template.of(section, Type.named("db")));
            assertEquals(MachineState.STOPPED, rack.state(), "asleep when added");
            assertEquals("added: an existing machine", fleet.store().transitions(rack.id()).get(0).cause());

            JobResults woken = fleet.systems().id(rack.id()).start();
            assertTrue(woken.allSucceeded(), woken.toString());
            assertTrue(lab.machine.poweredOn());
            assertEquals(1, lab.machine.datagrams().size(), "one magic packet");
            assertEquals(MachineState.RUNNING, fleet.store().machine(rack.id()).orElseThrow().state());
            assertEquals("127.0.0.1", fleet.store().machine(rack.id()).orElseThrow().ip());

            JobResults stopped = fleet.systems().id(rack.id()).stop(Duration.ofSeconds(30));
            assertTrue(stopped.allSucceeded(), stopped.toString());
            assertFalse(lab.machine.poweredOn());
            assertTrue(fleet.syncAll().allSucceeded());
            assertEquals(MachineState.STOPPED, fleet.store().machine(rack.id()).orElseThrow().state(), "sync reads it back, not missing");

            JobResults refused = fleet.systems().id(rack.id()).forced().destroy();
            assertEquals(1, refused.failed().size());
            assertTrue(refused.failed().get(0).error().contains("not destroyed by ops"), refused.toString());
            assertTrue(fleet.store().machine(rack.id()).isPresent(), "the record stays");

            assertTrue(fleet.systems().id(rack.id()).clear().allSucceeded());
            assertTrue(fleet.store().machine(rack.id()).isEmpty());
            assertEquals(MachineState.FORGOTTEN, fleet.store().transitions(rack.id()).get(fleet.store().transitions(rack.id()).size() - 1).to());
        }
    }

    private static DriverProvider provider(Driver driver) {
        return new DriverProvider() {
            public String kind() {
                return "physical";
            }

            public Driver open(DriverSection section) {
                return driver;
            }
        };
    }
}

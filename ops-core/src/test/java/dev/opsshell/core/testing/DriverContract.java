package dev.opsshell.core.testing;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every driver must do, as one suite each driver's test extends (jclouds'
 * BaseComputeServiceLiveTest, per provider). A subclass gives the driver, a template machine and
 * the few things only the platform itself can do: leave the leftovers of an interrupted create,
 * delete a machine behind the driver's back, make a create fail half way, and list every trace
 * the platform holds of a machine. States are awaited with a deadline ({@link Await}), never slept for.
 * <pre>{@code
 * class KvmTestDriverContractTest extends DriverContract {
 *     protected Driver driver() { return driver; }
 *     protected Machine template() { return machine; }
 *     …
 * }
 * }</pre>
 * Machines made here are destroyed after each test, also when it fails.
 */
public abstract class DriverContract {
    private final List<Machine> made = new ArrayList<>();

    /** The driver under test (the same one for the whole test). */
    protected abstract Driver driver();

    /** A machine to create: its id and hostname are replaced for each test machine. */
    protected abstract Machine template();

    /** Leaves what a create killed half way (the process gone, no cleanup) would have left of {@code m}. */
    protected abstract void leaveLeftoversOfAnInterruptedCreate(Machine m);

    /** Removes {@code m} with the platform's own tools, as an operator would by hand. */
    protected abstract void deleteBehindTheDriversBack(Machine m);

    /** {@code m} changed so that its create fails after the driver has made part of it. */
    protected abstract Machine failingHalfWay(Machine m);

    /** Everything the platform holds that was made for {@code m} (machines, disks, seeds); empty when clean. */
    protected abstract List<String> tracesOf(Machine m);

    /** False for a driver that has no address to give; {@link #address()} then expects a clear error. */
    protected boolean givesAddresses() {
        return true;
    }

    /** How long a state change may take here (a real guest needs longer than a test hypervisor). */
    protected Duration stateWait() {
        return Duration.ofSeconds(30);
    }

    /** How long the driver may wait for an address. */
    protected Duration addressWait() {
        return Duration.ofSeconds(30);
    }

    /** How long a graceful stop may take before the driver forces the machine off. */
    protected Duration gracefulStop() {
        return Duration.ofSeconds(30);
    }

    /** A fresh machine from the template, destroyed after the test. */
    protected Machine newMachine() {
        Machine t = template();
        String id = MachineIds.next();
        Machine m = new Machine(id, t.hostname(), t.domain(), t.user(), t.os(), t.cpu(), t.ramMb(), t.volumes(),
                null, t.type(), t.tags(), t.state(), t.driver(), null, null, null);
        made.add(m);
        return m;
    }

    @AfterEach
    void destroyWhatTheTestMade() {
        // a driver that does not create (physical) refuses destroy too: its machines are not the test's to remove
        if (driver().creates()) for (Machine m : made) driver().destroy(m, JobContext.none());
        made.clear();
    }

    @Test
    protected void aMachineGoesThroughItsWholeLife() {
        Machine m = newMachine();
        Instance created = driver().create(m, JobContext.none());
        assertNotNull(created.ref(), "create gives the driver's reference");
        assertFalse(created.ref().isBlank(), "create gives the driver's reference");
        Machine made = m.withRef(created.ref());
        awaitState(made, InstanceState.RUNNING);
        assertEquals(created.ref(), driver().status(made).ref());

        address(made);

        driver().stop(made, gracefulStop(), JobContext.none());
        awaitState(made, InstanceState.STOPPED);
        driver().start(made, JobContext.none());
        awaitState(made, InstanceState.RUNNING);
        driver().reboot(made, JobContext.none());
        awaitState(made, InstanceState.RUNNING);

        Instance listed = listed(made).orElseThrow(() -> new AssertionError("list() does not show " + made.id()));
        assertEquals(made.id(), listed.systemId());
        assertEquals(created.ref(), listed.ref());

        driver().destroy(made, JobContext.none());
        assertEquals(InstanceState.ABSENT, driver().status(made).state());
        assertTrue(listed(made).isEmpty(), "a destroyed machine is not listed");
        assertEquals(List.of(), tracesOf(made), "destroy leaves nothing of the machine");
    }

    /** Asks for the address: a real IP address, or (for a driver without any) a clear error. */
    protected void address(Machine made) {
        if (givesAddresses()) {
            String ip = driver().address(made, addressWait(), JobContext.none());
            assertDoesNotThrowParsing(ip);
        } else {
            DriverException e = assertThrows(DriverException.class, () -> driver().address(made, addressWait(), JobContext.none()));
            assertTrue(e.getMessage().contains("tried"), "the error says which sources were tried: " + e.getMessage());
        }
    }

    @Test
    protected void destroyOfAMachineThatDoesNotExistSucceeds() {
        Machine never = newMachine();
        driver().destroy(never, JobContext.none());
        driver().destroy(never.withRef("no-such-machine-" + never.id()), JobContext.none());
        assertEquals(InstanceState.ABSENT, driver().status(never).state());
    }

    @Test
    protected void startStopAndRebootOfAnAbsentMachineAreClearErrors() {
        Machine never = newMachine();
        for (Runnable call : List.<Runnable>of(
                () -> driver().start(never, JobContext.none()),
                () -> driver().stop(never, gracefulStop(), JobContext.none()),
                () -> driver().reboot(never, JobContext.none()))) {
            DriverException e = assertThrows(DriverException.class, call::run);
            assertTrue(e.getMessage().contains(never.id()), "the error names the machine: " + e.getMessage());
        }
    }

    @Test
    protected void aCreateAfterAnInterruptedCreateMakesOneMachine() {
        Machine m = newMachine();
        leaveLeftoversOfAnInterruptedCreate(m);
        assertFalse(tracesOf(m).isEmpty(), "the test left leftovers to find");
        Instance created = driver().create(m, JobContext.none());
        awaitState(m.withRef(created.ref()), InstanceState.RUNNING);
        long mine = driver().list().stream().filter(i -> m.id().equals(i.systemId())).count();
        assertEquals(1, mine, "one machine for the system, not two");
        driver().destroy(m.withRef(created.ref()), JobContext.none());
        assertEquals(List.of(), tracesOf(m), "destroy removes the leftovers too");
    }

    @Test
    protected void aCreateThatFailsHalfWayLeavesNothingBehind() {
        Machine m = failingHalfWay(newMachine());
        made.add(m);
        DriverException e = assertThrows(DriverException.class, () -> driver().create(m, JobContext.none()));
        assertTrue(e.getMessage().contains("failed"), "the error says what failed: " + e.getMessage());
        assertEquals(List.of(), tracesOf(m), "a failed create removes what it made");
        assertEquals(InstanceState.ABSENT, driver().status(m).state());
        assertTrue(listed(m).isEmpty(), "a failed create is not listed");
    }

    @Test
    protected void aMachineDeletedBehindTheDriversBackReadsAbsent() {
        Machine m = newMachine();
        Machine made = m.withRef(driver().create(m, JobContext.none()).ref());
        awaitState(made, InstanceState.RUNNING);
        deleteBehindTheDriversBack(made);
        assertEquals(InstanceState.ABSENT, driver().status(made).state());
        assertTrue(listed(made).isEmpty(), "a deleted machine is not listed");
        driver().destroy(made, JobContext.none());
    }

    @Test
    protected void stopOfAStoppedMachineAndCreateOfARunningOneChangeNothing() {
        Machine m = newMachine();
        Machine made = m.withRef(driver().create(m, JobContext.none()).ref());
        awaitState(made, InstanceState.RUNNING);
        assertEquals(made.ref(), driver().create(m, JobContext.none()).ref(), "create again finds the machine");
        assertEquals(1, driver().list().stream().filter(i -> m.id().equals(i.systemId())).count());
        driver().stop(made, gracefulStop(), JobContext.none());
        awaitState(made, InstanceState.STOPPED);
        driver().stop(made, gracefulStop(), JobContext.none());
        assertEquals(InstanceState.STOPPED, driver().status(made).state());
    }

    protected void awaitState(Machine m, InstanceState expected) {
        Await.until(stateWait(), m.id() + " to be " + expected,
                () -> driver().status(m).state() == expected);
    }

    protected Optional<Instance> listed(Machine m) {
        return driver().list().stream().filter(i -> m.id().equals(i.systemId())).findFirst();
    }

    private static void assertDoesNotThrowParsing(String ip) {
        assertNotNull(ip, "an address");
        assertTrue(ip.matches("[0-9a-fA-F:.]+"), "an IP address, got " + ip);
        try {
            InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError("not an IP address: " + ip, e);
        }
    }
}

package dev.opsshell.remote.driver.physical;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The physical driver against a stand-in machine on loopback ({@link SleepingMachine}): Wake-on-LAN
 * captured as UDP datagrams, shutdown over an in-process MINA SSHD whose host key the test trusts
 * explicitly in known_hosts, status by the SSH banner.
 */
class PhysicalDriverIT {
    private static final String MAC = PhysicalLab.MAC;

    @TempDir
    Path dir;

    private PhysicalLab lab;
    private SleepingMachine machine;
    private Driver driver;

    @BeforeEach
    void setUp() throws Exception {
        lab = new PhysicalLab(dir);
        machine = lab.machine;
        driver = lab.driver;
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private Machine record(Map<String, String> extra) {
        return lab.record("pa1b2c3d4e", extra);
    }

    @Test
    void startSendsTheMagicPacketAndReturnsOnceSshAnswers() {
        Machine m = record(Map.of());
        assertEquals(InstanceState.STOPPED, driver.status(m).state());

        driver.start(m, JobContext.none());

        assertEquals(1, machine.datagrams().size());
        assertArrayEquals(SleepingMachine.expectedMagicPacket(MAC), machine.datagrams().get(0));
        assertTrue(machine.poweredOn());
        assertEquals(InstanceState.RUNNING, driver.status(m).state());
    }

    @Test
    void aShutdownThatDropsTheConnectionBeforeAnsweringStillStops() {
        // a real machine often kills sshd before the command's exit status goes out
        Machine m = record(Map.of());
        machine.powerOn();
        machine.dropBeforeAnswering();
        driver.stop(m, Duration.ofSeconds(30), JobContext.none());
        assertFalse(machine.poweredOn());
        assertEquals(InstanceState.STOPPED, driver.status(m).state());
    }

    @Test
    void startOfARunningMachineSendsNothing() {
        machine.powerOn();
        driver.start(record(Map.of()), JobContext.none());
        assertEquals(List.of(), machine.datagrams());
    }

    @Test
    void startGivesUpAfterItsTimeoutWhenNothingWakesAndSaysWhatToCheck() {
        Machine m = record(Map.of("mac", "52:54:00:ff:ff:ff", "start_timeout", "2")); // not this machine's card
        DriverException e = assertThrows(DriverException.class, () -> driver.start(m, JobContext.none()));
        assertTrue(e.getMessage().contains("did not answer SSH at 127.0.0.1:" + machine.sshPort() + " within 2 s"), e.getMessage());
        assertTrue(e.getMessage().contains("Wake-on-LAN is on in its firmware"), e.getMessage());
        assertEquals(1, machine.datagrams().size());
        assertFalse(machine.poweredOn());
    }

    @Test
    void aCancelledJobStopsWaitingForTheMachine() {
        Machine m = record(Map.of("mac", "52:54:00:ff:ff:ff"));
        AtomicBoolean cancelled = new AtomicBoolean();
        JobContext job = new JobContext() {
            public String jobId() { return "j1"; }
            public void step(String what) { if (what.startsWith("waiting for SSH")) cancelled.set(true); }
            public boolean cancelled() { return cancelled.get(); }
        };
        DriverException e = assertThrows(DriverException.class, () -> driver.start(m, job));
        assertEquals("cancelled by the operator", e.getMessage());
    }

    @Test
    void stopRunsShutdownOverSshThenWaitsUntilSshIsGone() {
        machine.powerOn();
        Machine m = record(Map.of());
        assertEquals(InstanceState.RUNNING, driver.status(m).state());

        driver.stop(m, Duration.ofSeconds(30), JobContext.none());

        assertEquals(1, machine.commands().size(), machine.commands()::toString);
        assertTrue(machine.commands().get(0).endsWith("; shutdown -h now"), machine.commands()::toString);
        assertFalse(machine.commands().get(0).contains("sudo"), "root needs no sudo: " + machine.commands());
        assertFalse(machine.poweredOn());
        assertEquals(InstanceState.STOPPED, driver.status(m).state());
    }

    @Test
    void aUserOtherThanRootShutsDownThroughSudo() {
        machine.powerOn();
        driver.stop(record(Map.of("user", "operator")), Duration.ofSeconds(30), JobContext.none());
        String line = machine.commands().get(0);
        assertTrue(line.contains("sudo -n -u root -- sh -c") && line.contains("shutdown -h now"), line);
        assertFalse(machine.poweredOn());
    }

    @Test
    void stopOfAStoppedMachineConnectsToNothing() {
        driver.stop(record(Map.of()), Duration.ofSeconds(5), JobContext.none());
        assertEquals(List.of(), machine.commands());
    }

    @Test
    void anUnknownHostKeyIsRefusedAndTheMachineKeepsRunning() throws Exception {
        machine.powerOn();
        Files.writeString(dir.resolve("known_hosts"), ""); // ops must not trust a key it was not given
        DriverException e = assertThrows(DriverException.class,
                () -> driver.stop(record(Map.of()), Duration.ofSeconds(10), JobContext.none()));
        assertTrue(e.getMessage().contains("host key rejected"), e.getMessage());
        assertEquals(List.of(), machine.commands());
        assertTrue(machine.poweredOn());
        assertEquals("", Files.readString(dir.resolve("known_hosts")));
    }

    @Test
    void aMachineStillAnsweringAfterTheGracePeriodIsAClearError() {
        machine.powerOn();
        machine.ignoreShutdown();
        DriverException e = assertThrows(DriverException.class,
                () -> driver.stop(record(Map.of()), Duration.ofSeconds(2), JobContext.none()));
        assertTrue(e.getMessage().contains("still answers SSH at 127.0.0.1:" + machine.sshPort() + " 2 s after shutdown -h now"),
                e.getMessage());
        assertTrue(e.getMessage().contains("power it off by hand"), e.getMessage());
        assertTrue(machine.poweredOn());
    }

    @Test
    void rebootGoesDownAndWaitsForSshToComeBack() {
        machine.powerOn();
        Machine m = record(Map.of());
        driver.reboot(m, JobContext.none());
        assertTrue(machine.commands().get(0).endsWith("; shutdown -r now"), machine.commands()::toString);
        assertEquals(InstanceState.RUNNING, driver.status(m).state());
    }

    @Test
    void rebootOfAMachineThatDoesNotAnswerSaysToStartIt() {
        DriverException e = assertThrows(DriverException.class, () -> driver.reboot(record(Map.of()), JobContext.none()));
        assertTrue(e.getMessage().contains("reboot rack1 (pa1b2c3d4e): it does not answer SSH"), e.getMessage());
        assertTrue(e.getMessage().contains("start it instead"), e.getMessage());
        assertEquals(List.of(), machine.commands());
    }

    @Test
    void statusIsStoppedWhenThePortAnswersWithoutAnSshBanner() throws Exception {
        try (ServerSocket web = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = web.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException ignored) {
                    // the probe may close first; the assertion below is what counts
                }
            });
            t.start();
            Machine m = record(Map.of("ssh_port", String.valueOf(web.getLocalPort())));
            assertEquals(InstanceState.STOPPED, driver.status(m).state());
            t.join();
        }
    }

    @Test
    void theAddressIsTheConfiguredOneAndListIsLeftToTheStore() {
        Machine m = record(Map.of());
        assertEquals("127.0.0.1", driver.address(m, Duration.ZERO, JobContext.none()));
        assertEquals("127.0.0.1", driver.status(m).ip());
        assertEquals(List.of(), driver.list());
    }

    @Test
    void createAndDestroyRefuseAndSayWhatToDoInstead() {
        Machine m = record(Map.of());
        assertFalse(driver.creates());
        DriverException create = assertThrows(DriverException.class, () -> driver.create(m, JobContext.none()));
        assertTrue(create.getMessage().contains("physical machines are not made by ops"), create.getMessage());
        DriverException destroy = assertThrows(DriverException.class, () -> driver.destroy(m, JobContext.none()));
        assertTrue(destroy.getMessage().contains("physical machines are not destroyed by ops"), destroy.getMessage());
        assertTrue(destroy.getMessage().contains("'clear' forgets its record"), destroy.getMessage());
        assertEquals(List.of(), machine.datagrams());
        assertEquals(List.of(), machine.commands());
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        DriverException noAddress = assertThrows(DriverException.class, () -> driver.status(record(Map.of("address", " "))));
        assertTrue(noAddress.getMessage().contains("has no 'address'"), noAddress.getMessage());
        DriverException badPort = assertThrows(DriverException.class, () -> driver.status(record(Map.of("ssh_port", "70000"))));
        assertTrue(badPort.getMessage().contains("'ssh_port' must be a whole number from 1 to 65535, got '70000'"),
                badPort.getMessage());
        DriverException noMac = assertThrows(DriverException.class, () -> driver.start(record(Map.of("mac", "")), JobContext.none()));
        assertTrue(noMac.getMessage().contains("has no 'mac'"), noMac.getMessage());
    }

    @Test
    void theDriverIsFoundByServiceLoaderAsPhysical() {
        try (Drivers drivers = new Drivers()) {
            assertTrue(drivers.kinds().contains("physical"), drivers.kinds()::toString);
            assertInstanceOf(PhysicalDriver.class, drivers.of(DriverSection.of("physical", Map.of())));
        }
    }
}

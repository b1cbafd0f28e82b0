package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineIds;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.Volume;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kvm driver on a real libvirtd and qemu ({@code qemu:///system}) for what the test hypervisor
 * cannot show, with a guest that boots nothing (a blank disk: the firmware sits at "no bootable
 * device"), so it costs one qemu start, not an emulated OS: the seed really uploaded through
 * libvirt's stream API, file disks qemu accepts, the domain type {@code auto} picks on this CPU, a
 * stop the guest ignores ending forced, and volumes really deleted from a dir pool of the test's
 * own. The real guest with an OS, cloud-init, DHCP and SSH is KvmRealGuestIT's. libvirtd is used
 * if it answers, else started and stopped by {@link QemuLab}.
 */
class KvmQemuIT {
    private static final String POOL = "ops-kvmit";
    private static final Path POOL_DIR = Path.of("/var/lib/libvirt/images/ops-kvmit");
    private static QemuLab lab;
    private static ByHand libvirt;
    private static KvmDriver driver;
    private static Path publicKey;

    @BeforeAll
    static void connect() throws LibvirtException, IOException {
        lab = QemuLab.start();
        libvirt = new ByHand(QemuLab.URI, POOL);
        ownPool();
        libvirt.volume("kvmit-blank.qcow2", 1, "qcow2");
        driver = KvmDriver.connect(QemuLab.URI);
        publicKey = Files.createTempFile("kvmit", ".pub");
        Files.writeString(publicKey, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOpsQemuKeyOnlyForTestsXXXXXXXXXXXXXXXXXXXXXX ops@test\n");
    }

    @AfterAll
    static void disconnect() throws LibvirtException, IOException {
        try (QemuLab closing = lab) {
            if (libvirt == null) return;
            if (driver != null) driver.close();
            StoragePool pool = libvirt.pool();
            for (String v : pool.listVolumes()) pool.storageVolLookupByName(v).delete(0);
            pool.destroy(); // a transient pool: gone with its definition
            Files.deleteIfExists(POOL_DIR);
            libvirt.close();
            if (publicKey != null) Files.deleteIfExists(publicKey);
        }
    }

    /** A transient dir pool of this test's own (a killed run's pool of the same name is taken over). */
    private static void ownPool() throws LibvirtException, IOException {
        for (String p : libvirt.conn.listStoragePools()) if (p.equals(POOL)) return;
        Files.createDirectories(POOL_DIR);
        libvirt.conn.storagePoolCreateXML("<pool type='dir'><name>" + POOL + "</name><target><path>" + POOL_DIR
                + "</path></target></pool>", 0);
    }

    private static Machine machine(int cpu) {
        DriverSection kvm = DriverSection.of("kvm", Map.of("uri", QemuLab.URI, "pool", POOL, "image", "kvmit-blank.qcow2",
                "network", "none", "ssh_key_file", publicKey.toString()));
        return new Machine(MachineIds.next(), "blank", null, "deploy", "none", cpu, 128, List.of(new Volume("data", 1)),
                null, "blank", null, MachineState.NEW, kvm, null, null, null);
    }

    @Test
    void aMachineOnRealQemuGetsItsSeedAndFileDisksIsForcedOffWhenItIgnoresTheShutdownAndLeavesNothing() throws Exception {
        Machine m = machine(1);
        try {
            Machine made = m.withRef(driver.create(m, JobContext.none()).ref());
            Await.until(Duration.ofSeconds(60), made.ref() + " running", () -> driver.status(made).state() == InstanceState.RUNNING);

            Path seed = POOL_DIR.resolve(KvmNames.cloudInitVolume(made.ref()));
            assertTrue(run("isoinfo", "-d", "-i", seed.toString()).contains("Volume id: cidata"));
            assertTrue(run("isoinfo", "-R", "-i", seed.toString(), "-x", "/user-data").contains("hostname: blank"));
            String xml = libvirt.conn.domainLookupByName(made.ref()).getXMLDesc(0);
            assertTrue(xml.startsWith("<domain type='" + (hardwareVirtualisation() ? "kvm" : "qemu") + "'"), xml);
            assertEquals(3, xml.split("<disk type='file' device='disk'>", -1).length - 1, xml);

            List<String> steps = new ArrayList<>();
            JobContext job = new JobContext() {
                public String jobId() { return "forced"; }
                public void step(String what) { steps.add(what); }
                public boolean cancelled() { return false; }
            };
            driver.stop(made, Duration.ofSeconds(2), job);
            assertEquals(List.of("asking " + made.ref() + " to shut down (up to 2 s)",
                    "forcing " + made.ref() + " off: it did not shut down within 2 s"), steps);
            assertEquals(InstanceState.STOPPED, driver.status(made).state());

            driver.destroy(made, JobContext.none());
            assertEquals(List.of(), libvirt.traces(m.id()));
            assertEquals(List.of("kvmit-blank.qcow2"), List.of(libvirt.pool().listVolumes()), "only the base image is left");
        } finally {
            driver.destroy(m, JobContext.none());
        }
    }

    @Test
    void aCreateThatFailsHalfWayRemovesItsVolumesFromTheRealPool() throws LibvirtException {
        Machine m = machine(0); // libvirt refuses 0 vCPUs when the disks and the seed are already made
        try {
            var e = assertThrows(dev.opsshell.core.driver.DriverException.class, () -> driver.create(m, JobContext.none()));
            assertTrue(e.getMessage().contains("defining the domain failed"), e.getMessage());
            assertEquals(List.of(), libvirt.traces(m.id()));
        } finally {
            driver.destroy(m, JobContext.none());
        }
    }

    /** The question virt=auto asks libvirt, asked of /proc/cpuinfo and /dev/kvm instead. */
    private static boolean hardwareVirtualisation() throws IOException {
        return Files.exists(Path.of("/dev/kvm")) && Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("flags"))
                .map(l -> List.of(l.split("\\s+")))
                .anyMatch(flags -> flags.contains("vmx") || flags.contains("svm"));
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }
}

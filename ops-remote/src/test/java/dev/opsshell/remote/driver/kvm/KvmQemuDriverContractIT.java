package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.Volume;
import dev.opsshell.core.testing.DriverContract;
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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver contract on a real libvirtd and qemu ({@code qemu:///system}), with guests that boot
 * nothing: a blank disk, so the firmware sits at "no bootable device". Cheap (no OS to emulate)
 * and still real: qemu processes, a dir storage pool of this test's own, the seed uploaded through
 * libvirt's stream API, file disks, and a stop that the firmware ignores, so the grace period ends
 * and the driver forces the guest off. The real guest with an OS, cloud-init, DHCP and SSH is
 * KvmRealGuestIT's. libvirtd is used if it answers, else started and stopped by {@link QemuLab}.
 */
class KvmQemuDriverContractIT extends DriverContract {
    private static final String URI = QemuLab.URI;
    private static final String POOL = "ops-kvmit";
    private static final Path POOL_DIR = Path.of("/var/lib/libvirt/images/ops-kvmit");
    private static QemuLab lab;
    private static ByHand libvirt;
    private static KvmDriver driver;
    private static Path publicKey;

    @BeforeAll
    static void connect() throws LibvirtException, IOException {
        lab = QemuLab.start();
        libvirt = new ByHand(URI, POOL);
        ownPool();
        libvirt.volume("kvmit-blank.qcow2", 1, "qcow2");
        driver = KvmDriver.connect(URI);
        publicKey = Files.createTempFile("kvmit", ".pub");
        Files.writeString(publicKey, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOpsQemuContractKeyOnlyForTestsXXXXXXXXXXXXXX ops@test\n");
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

    @Override
    protected Driver driver() {
        return driver;
    }

    @Override
    protected Machine template() {
        DriverSection kvm = DriverSection.of("kvm", Map.of("uri", URI, "pool", POOL, "image", "kvmit-blank.qcow2",
                "network", "none", "ssh_key_file", publicKey.toString()));
        return new Machine("template", "blank", null, "deploy", "none", 1, 128, List.of(new Volume("data", 1)), null,
                "blank", Set.of(), MachineState.NEW, kvm, null, null, null);
    }

    @Override
    protected boolean givesAddresses() {
        return false; // no network and nothing booted: the error must say so
    }

    @Override
    protected Duration stateWait() {
        return Duration.ofSeconds(60);
    }

    @Override
    protected Duration gracefulStop() {
        return Duration.ofSeconds(2); // the firmware ignores ACPI: every stop here ends forced
    }

    @Override
    protected void leaveLeftoversOfAnInterruptedCreate(Machine m) {
        String name = KvmNames.domain(m);
        try {
            libvirt.volume(KvmNames.rootVolume(name), 1, "qcow2");
            libvirt.volume(KvmNames.dataVolume(name, "data"), 1, "qcow2");
        } catch (LibvirtException e) {
            throw new AssertionError("could not make the leftovers", e);
        }
    }

    @Override
    protected void deleteBehindTheDriversBack(Machine m) {
        try {
            libvirt.deleteDomain(m.ref());
        } catch (LibvirtException e) {
            throw new AssertionError("could not delete " + m.ref(), e);
        }
    }

    @Override
    protected Machine failingHalfWay(Machine m) {
        return new Machine(m.id(), m.hostname(), m.domain(), m.user(), m.os(), 0, m.ramMb(), m.volumes(), null,
                m.type(), m.tags(), m.state(), m.driver(), null, null, null);
    }

    @Override
    protected List<String> tracesOf(Machine m) {
        try {
            return libvirt.traces(m.id());
        } catch (LibvirtException e) {
            throw new AssertionError("could not look at " + URI, e);
        }
    }

    @Test
    void theSeedUploadedThroughLibvirtIsTheCloudInitIsoAndTheDomainTypeFollowsTheCpu() throws Exception {
        Machine m = newMachine();
        String ref = driver.create(m, JobContext.none()).ref();
        Path seed = POOL_DIR.resolve(KvmNames.cloudInitVolume(ref));
        assertTrue(run("isoinfo", "-d", "-i", seed.toString()).contains("Volume id: cidata"));
        assertTrue(run("isoinfo", "-R", "-i", seed.toString(), "-x", "/user-data").contains("hostname: blank"));
        String xml = libvirt.conn.domainLookupByName(ref).getXMLDesc(0);
        // the same question asked of /proc/cpuinfo, not of libvirt: vmx or svm, and a /dev/kvm
        boolean hardware = Files.exists(Path.of("/dev/kvm")) && Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("flags")).anyMatch(l -> List.of(l.split("\\s+")).contains("vmx") || List.of(l.split("\\s+")).contains("svm"));
        assertTrue(xml.startsWith("<domain type='" + (hardware ? "kvm" : "qemu") + "'"), xml);
        assertTrue(xml.contains("<disk type='file' device='disk'>"), xml);
    }

    @Test
    void aGuestThatIgnoresTheShutdownIsForcedOffWhenTheGracePeriodEnds() {
        Machine m = newMachine();
        Machine made = m.withRef(driver.create(m, JobContext.none()).ref());
        List<String> steps = new ArrayList<>();
        JobContext job = new JobContext() {
            public String jobId() { return "forced"; }
            public void step(String what) { steps.add(what); }
            public boolean cancelled() { return false; }
        };
        driver.stop(made, Duration.ofSeconds(2), job);
        assertEquals(List.of("asking " + made.ref() + " to shut down (up to 2 s)",
                "forcing " + made.ref() + " off: it did not shut down within 2 s"), steps);
        assertEquals(dev.opsshell.core.driver.InstanceState.STOPPED, driver.status(made).state());
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }
}

package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.Volume;
import dev.opsshell.core.testing.DriverContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.libvirt.LibvirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The driver contract against kvm on libvirt's test hypervisor ({@code test:///default}: the real
 * libvirt API, in-memory machines, no daemon). Leftovers of an interrupted create are the volumes
 * such a create makes first; a half-way failure is a machine whose domain libvirt refuses to define
 * (0 vCPUs) after its disks and cloud-init data were made.
 */
class KvmTestDriverContractTest extends DriverContract {
    private static ByHand hypervisor;
    private static KvmDriver driver;
    private static Path publicKey;

    @BeforeAll
    static void connect() throws LibvirtException, IOException {
        hypervisor = new ByHand();
        hypervisor.volume("contract-base.qcow2", 1, "qcow2");
        driver = KvmDriver.connect(ByHand.URI);
        publicKey = Files.createTempFile("contract", ".pub");
        Files.writeString(publicKey, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOpsContractKeyOnlyForTestsXXXXXXXXXXXXXXXXX ops@test\n");
    }

    @AfterAll
    static void disconnect() throws LibvirtException, IOException {
        driver.close();
        hypervisor.close();
        Files.deleteIfExists(publicKey);
    }

    @Override
    protected Driver driver() {
        return driver;
    }

    @Override
    protected Machine template() {
        DriverSection kvm = DriverSection.of("kvm", Map.of("uri", ByHand.URI, "image", "contract-base.qcow2",
                "ssh_key_file", publicKey.toString()));
        return new Machine("template", "web", "example.org", "deploy", "debian-12", 1, 512,
                List.of(new Volume("data", 1)), null, "web", Set.of(), MachineState.NEW, kvm, null, null, null);
    }

    @Override
    protected void leaveLeftoversOfAnInterruptedCreate(Machine m) {
        String name = KvmNames.domain(m);
        try {
            hypervisor.volume(KvmNames.rootVolume(name), 1, "qcow2");
            hypervisor.volume(KvmNames.dataVolume(name, "data"), 1, "qcow2");
        } catch (LibvirtException e) {
            throw new AssertionError("could not make the leftovers", e);
        }
    }

    @Override
    protected void deleteBehindTheDriversBack(Machine m) {
        try {
            hypervisor.deleteDomain(m.ref());
        } catch (LibvirtException e) {
            throw new AssertionError("could not delete " + m.ref(), e);
        }
    }

    @Override
    protected Machine failingHalfWay(Machine m) {
        // the test hypervisor takes any volume (allocation 0 never fills its pool): libvirt's own XML check refuses this
        return new Machine(m.id(), m.hostname(), m.domain(), m.user(), m.os(), 0, m.ramMb(), m.volumes(), null,
                m.type(), m.tags(), m.state(), m.driver(), null, null, null);
    }

    @Override
    protected List<String> tracesOf(Machine m) {
        try {
            return hypervisor.traces(m.id());
        } catch (LibvirtException e) {
            throw new AssertionError("could not look at the test hypervisor", e);
        }
    }
}

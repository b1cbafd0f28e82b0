package dev.opsshell.remote.driver.kvm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VirtualisationTest {
    private static final Supplier<String> UNREAD = () -> {
        throw new AssertionError("the capabilities are read only for virt=auto");
    };

    /** This build machine: libvirt offers kvm (a PVM /dev/kvm exists) but the CPU has neither vmx nor svm. */
    private static String pvmHost() throws IOException {
        try (InputStream in = VirtualisationTest.class.getResourceAsStream("/kvm/capabilities-pvm-host.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String withCpuFeature(String caps, String feature) {
        return caps.replaceFirst("<feature name=\"hypervisor\" />", "<feature name=\"hypervisor\" /><feature name=\"" + feature + "\"/>");
    }

    @Test
    void autoDoesNotTakeAParavirtualDevKvmForHardwareVirtualisation() throws IOException {
        assertEquals("qemu", Virtualisation.domainType("auto", "QEMU", pvmCapabilities()));
    }

    @Test
    void autoPicksKvmWhereTheHostCpuHasVmxOrSvmAndLibvirtOffersKvm() throws IOException {
        assertEquals("kvm", Virtualisation.domainType("auto", "QEMU", () -> withCpuFeature(uncheckedPvm(), "vmx")));
        assertEquals("kvm", Virtualisation.domainType("auto", "QEMU", () -> withCpuFeature(uncheckedPvm(), "svm")));
    }

    @Test
    void autoPicksQemuWhenLibvirtOffersNoKvmEvenWithVmx() throws IOException {
        String noKvm = withCpuFeature(pvmHost(), "vmx").replace("<domain type=\"kvm\" />", "");
        assertEquals("qemu", Virtualisation.domainType("auto", "QEMU", () -> noKvm));
    }

    @Test
    void anExplicitSettingIsTakenAsGivenAndTheTestHypervisorAlwaysGetsTest() {
        assertEquals("kvm", Virtualisation.domainType("kvm", "QEMU", UNREAD));
        assertEquals("qemu", Virtualisation.domainType("qemu", "QEMU", UNREAD));
        assertEquals("test", Virtualisation.domainType("auto", "TEST", UNREAD));
        assertEquals("test", Virtualisation.domainType("kvm", "TEST", UNREAD));
    }

    private static Supplier<String> pvmCapabilities() throws IOException {
        String caps = pvmHost();
        return () -> caps;
    }

    private static String uncheckedPvm() {
        try {
            return pvmHost();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

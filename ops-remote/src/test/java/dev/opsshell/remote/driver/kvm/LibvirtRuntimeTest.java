package dev.opsshell.remote.driver.kvm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibvirtRuntimeTest {
    @Test
    void failingLibvirtCallsPrintNothingBehindTheShellsBack() throws Exception {
        LibvirtChild.Output child = LibvirtChild.run();
        assertEquals(0, child.exit(), "child failed: " + child.stdout() + child.stderr());
        assertTrue(child.stdout().contains("start nowhere-qq0absent0: no such machine"), child.stdout());
        assertTrue(child.stdout().contains("kvm: cannot connect to bogus:///nowhere: "), child.stdout());
        assertTrue(child.stdout().contains("(check the kvm setting uri: test:///default, qemu:///system"), child.stdout());
        assertTrue(child.stdout().contains("kvm: cannot connect to test:///no/such/hypervisor.xml: no readable file"), child.stdout());
        assertTrue(child.stdout().endsWith("done\n"), child.stdout());
        assertEquals("", child.stderr(), "libvirt wrote to stderr itself");
    }

    @Test
    void withoutLibvirtInstalledTheErrorSaysToInstallLibvirt0() throws Exception {
        // JNA searches these folders instead of the system's: libvirt.so.0 is then nowhere to be found
        LibvirtChild.Output child = LibvirtChild.run("-Djna.platform.library.path=/nonexistent", "-Djna.library.path=/nonexistent");
        assertEquals(0, child.exit(), "child failed: " + child.stdout() + child.stderr());
        assertTrue(child.stdout().contains("error: libvirt's C library (libvirt.so.0) could not be loaded: install libvirt0"),
                child.stdout());
        assertEquals("", child.stderr());
    }
}

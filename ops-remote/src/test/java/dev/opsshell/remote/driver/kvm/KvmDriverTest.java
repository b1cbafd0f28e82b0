package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineIds;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.Volume;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Domain.InterfaceAddressesSource;
import org.libvirt.DomainInterface;
import org.libvirt.LibvirtException;
import org.libvirt.event.LifecycleListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the kvm driver does beyond the contract, on libvirt's test hypervisor. */
class KvmDriverTest {
    private static ByHand hypervisor;
    private static KvmDriver kvm;
    private final List<Machine> made = new ArrayList<>();

    @BeforeAll
    static void connect() throws LibvirtException {
        hypervisor = new ByHand();
        hypervisor.volume("kvmtest-base.qcow2", 2, "qcow2");
        kvm = KvmDriver.connect(ByHand.URI);
    }

    @AfterAll
    static void disconnect() throws LibvirtException {
        kvm.close();
        hypervisor.close();
    }

    @AfterEach
    void destroyWhatTheTestMade() {
        for (Machine m : made) kvm.destroy(m, JobContext.none());
    }

    private Machine machine(Map<String, String> extra, List<Volume> volumes, int cpu) {
        Map<String, String> settings = new HashMap<>(Map.of("uri", ByHand.URI, "image", "kvmtest-base.qcow2"));
        settings.putAll(extra);
        settings.values().removeIf(String::isEmpty);
        Machine m = new Machine(MachineIds.next(), "db", null, "deploy", "debian-12", cpu, 768, volumes, null, "db",
                null, MachineState.NEW, DriverSection.of("kvm", settings), null, null, null);
        made.add(m);
        return m;
    }

    private Machine machine() {
        return machine(Map.of(), List.of(new Volume("data", 1), new Volume("logs", 1)), 2);
    }

    @Test
    void aDomainIsNamedFromHostnameAndIdCarriesTheIdInItsMetadataAndHasFileDisksOnly() throws LibvirtException {
        Machine m = machine();
        Instance i = kvm.create(m, JobContext.none());
        assertEquals("db-" + m.id(), i.ref());
        assertEquals(m.id(), i.systemId());
        String xml = hypervisor.conn.domainLookupByName(i.ref()).getXMLDesc(0);
        assertEquals(m.id(), DomainFacts.of(xml).systemId());
        assertEquals(4, xml.split("<disk type='file' device='disk'>", -1).length - 1, "root, 2 volumes, cidata: " + xml);
        assertFalse(xml.contains("type='volume'"), xml);
        assertTrue(xml.contains("<readonly/>"), "the cloud-init disk is read-only: " + xml);
        assertTrue(xml.contains("<domain type='test'"), xml);
        assertTrue(xml.contains("<vcpu placement='static'>2</vcpu>"), xml);
        assertTrue(xml.contains("<memory unit='KiB'>786432</memory>"), xml);
        assertTrue(xml.contains("<source network='default'/>"), xml);
        List<String> volumes = List.of(hypervisor.pool().listVolumes());
        for (String v : List.of("-root.qcow2", "-vol-data.qcow2", "-vol-logs.qcow2", "-cidata.iso")) {
            assertTrue(volumes.contains("db-" + m.id() + v), v + " in " + volumes);
        }
    }

    @Test
    void aMissingBaseImageIsNamedWithItsPoolAndNothingIsMade() throws LibvirtException {
        Machine m = machine(Map.of("image", "no-such-base.qcow2"), List.of(), 1);
        DriverException e = assertThrows(DriverException.class, () -> kvm.create(m, JobContext.none()));
        assertTrue(e.getMessage().contains("checking the base image failed: no volume 'no-such-base.qcow2' in pool 'default-pool'"),
                e.getMessage());
        assertEquals(List.of(), hypervisor.traces(m.id()));
    }

    @Test
    void aDomainLibvirtRefusesNamesTheStepAndLibvirtsMessageAndRemovesTheDisksMadeBefore() throws LibvirtException {
        Machine m = machine(Map.of(), List.of(new Volume("data", 1)), 0);
        DriverException e = assertThrows(DriverException.class, () -> kvm.create(m, JobContext.none()));
        assertTrue(e.getMessage().startsWith("create db-" + m.id() + ": defining the domain failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("<vcpu>"), "libvirt's own message: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("removed what this create had made"), e.getMessage());
        assertEquals(List.of(), hypervisor.traces(m.id()));
    }

    @Test
    void withoutGenisoimageTheCreateSaysHowToInstallItAndRemovesTheDisksMadeBefore() throws LibvirtException {
        Machine m = machine();
        try (KvmDriver noIso = new KvmDriver(new Connect(ByHand.URI), ByHand.URI, new CloudInitIso("genisoimage-not-here"))) {
            DriverException e = assertThrows(DriverException.class, () -> noIso.create(m, JobContext.none()));
            assertTrue(e.getMessage().contains("writing cloud-init data failed: genisoimage-not-here is not installed"), e.getMessage());
            assertTrue(e.getMessage().contains("apt-get install -y genisoimage"), e.getMessage());
        }
        assertEquals(List.of(), hypervisor.traces(m.id()));
    }

    @Test
    void aCreateFindsTheDomainAnInterruptedRunDefinedAndStartsItInsteadOfMakingASecond() throws LibvirtException {
        Machine m = machine();
        String ref = kvm.create(m, JobContext.none()).ref();
        hypervisor.conn.domainLookupByName(ref).destroy(); // defined and off, as after a run killed before its start
        assertEquals(InstanceState.STOPPED, kvm.status(m).state());
        assertEquals(ref, kvm.create(m, JobContext.none()).ref());
        assertEquals(InstanceState.RUNNING, kvm.status(m).state());
        assertEquals(1, kvm.list().stream().filter(i -> m.id().equals(i.systemId())).count());
    }

    @Test
    void aMachineIsFoundByItsSystemIdWhenItsRecordNoLongerGivesTheName() {
        Machine m = machine();
        String ref = kvm.create(m, JobContext.none()).ref();
        Machine renamed = new Machine(m.id(), "renamed", null, m.user(), m.os(), m.cpu(), m.ramMb(), m.volumes(), null,
                m.type(), null, MachineState.RUNNING, m.driver(), null, null, null);
        assertEquals(new Instance(ref, m.id(), ref, InstanceState.RUNNING, null), kvm.status(renamed));
        kvm.destroy(renamed, JobContext.none());
        assertEquals(InstanceState.ABSENT, kvm.status(m).state());
    }

    @Test
    void theAddressIsWhatTheNetworksLeasesSayForTheDomainsOwnMac() throws LibvirtException {
        Machine m = machine();
        String ref = kvm.create(m, JobContext.none()).ref();
        String ip = kvm.address(m, Duration.ofSeconds(10), JobContext.none());
        Domain d = hypervisor.conn.domainLookupByName(ref);
        String mac = DomainFacts.of(d.getXMLDesc(0)).macs().get(0);
        List<String> leased = new ArrayList<>();
        for (DomainInterface i : d.interfaceAddresses(InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE, 0)) {
            if (i.hwAddr.equalsIgnoreCase(mac)) i.addrs.forEach(a -> leased.add(a.address.getHostAddress()));
        }
        assertEquals(List.of(ip), leased);
    }

    @Test
    void aMachineWithoutANetworkHasNoAddressAndTheErrorSaysWhy() {
        Machine m = machine(Map.of("network", "none"), List.of(), 1);
        kvm.create(m, JobContext.none());
        DriverException e = assertThrows(DriverException.class, () -> kvm.address(m, Duration.ofSeconds(5), JobContext.none()));
        assertTrue(e.getMessage().contains("it has no network interface"), e.getMessage());
    }

    @Test
    void theAddressWaitIgnoresOtherMacsAndEndsAtItsDeadlineNamingEachSourceTried() throws LibvirtException {
        Domain d = hypervisor.conn.domainLookupByName("test"); // its one interface has an address, for another MAC
        DriverException e = assertThrows(DriverException.class, () -> AddressLookup.await("noaddr", d,
                anotherMac(), Duration.ofMillis(300), JobContext.none()));
        assertTrue(e.getMessage().startsWith("address of noaddr: none within 0 s; tried DHCP leases of network"), e.getMessage());
        assertTrue(e.getMessage().contains("52:54:00:0d:d0:01: no address yet; qemu guest agent: no address yet"), e.getMessage());
    }

    @Test
    void aCancelledJobEndsTheAddressWait() throws LibvirtException {
        Domain d = hypervisor.conn.domainLookupByName("test");
        JobContext cancelled = new JobContext() {
            public String jobId() { return "j1"; }
            public void step(String what) { }
            public boolean cancelled() { return true; }
        };
        DriverException e = assertThrows(DriverException.class, () -> AddressLookup.await("noaddr", d,
                anotherMac(), Duration.ofMinutes(10), cancelled));
        assertEquals("cancelled by the operator", e.getMessage());
    }

    @Test
    void stopAsksTheGuestToShutDownRatherThanPullingThePlug() throws LibvirtException {
        Machine m = machine();
        String ref = kvm.create(m, JobContext.none()).ref();
        Queue<String> events = new ConcurrentLinkedQueue<>();
        LifecycleListener listener = (domain, event) -> {
            events.add(KvmDomains.nameOf(domain) + " " + event);
            return 0;
        };
        hypervisor.conn.addLifecycleListener(listener);
        try {
            kvm.stop(m, Duration.ofSeconds(30), JobContext.none());
            Await.until(Duration.ofSeconds(20), "the stopped event of " + ref, () -> events.stream().anyMatch(e -> e.startsWith(ref + " STOPPED")));
            assertTrue(events.contains(ref + " STOPPED (SHUTDOWN)"), events.toString());
            assertFalse(events.contains(ref + " STOPPED (DESTROYED)"), events.toString());
        } finally {
            hypervisor.conn.removeLifecycleListener(listener);
        }
    }

    @Test
    void createsFromSeveralWorkersAtOnceEachMakeTheirOwnMachine() throws Exception {
        List<Machine> machines = new ArrayList<>();
        for (int i = 0; i < 8; i++) machines.add(machine(Map.of(), List.of(new Volume("data", 1)), 1));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Instance>> created = new ArrayList<>();
            for (Machine m : machines) created.add(pool.submit(() -> kvm.create(m, JobContext.none())));
            for (var f : created) assertEquals(InstanceState.RUNNING, f.get().state());
        } finally {
            pool.shutdown();
        }
        for (Machine m : machines) {
            assertEquals(1, kvm.list().stream().filter(i -> m.id().equals(i.systemId())).count());
            assertEquals(4, hypervisor.traces(m.id()).size(), "domain, root, data, seed: " + hypervisor.traces(m.id()));
        }
    }

    @Test
    void listShowsMachinesOpsDidNotMakeWithoutASystemId() {
        Instance builtIn = kvm.list().stream().filter(i -> i.ref().equals("test")).findFirst()
                .orElseThrow(() -> new AssertionError("the test hypervisor's own domain 'test' is listed"));
        assertNull(builtIn.systemId());
        assertEquals(InstanceState.RUNNING, builtIn.state());
    }

    @Test
    void theProviderIsFoundByServiceLoaderWithTheByHandAsDefaultAndOneConnectionPerUri() {
        try (Drivers drivers = new Drivers()) {
            assertTrue(drivers.kinds().contains("kvm"), drivers.kinds().toString());
            Driver a = drivers.of(DriverSection.of("kvm", Map.of()));
            Driver b = drivers.of(DriverSection.of("kvm", Map.of("uri", "test:///default", "image", "other")));
            assertSame(a, b);
            assertEquals("kvm driver at test:///default (TEST)", a.toString());
        }
    }

    @Test
    void badSettingsAreRefusedWithWhatIsAllowed() {
        DriverException virt = assertThrows(DriverException.class, () -> kvm.create(machine(Map.of("virt", "xen"), List.of(), 1), JobContext.none()));
        assertEquals("kvm setting virt is qemu, kvm or auto (got 'xen')", virt.getMessage());
        DriverException agent = assertThrows(DriverException.class, () -> kvm.create(machine(Map.of("agent", "true"), List.of(), 1), JobContext.none()));
        assertTrue(agent.getMessage().contains("agent=true is not supported yet"), agent.getMessage());
        DriverException pool = assertThrows(DriverException.class, () -> kvm.create(machine(Map.of("pool", "nopool"), List.of(), 1), JobContext.none()));
        assertTrue(pool.getMessage().contains("opening storage pool 'nopool' failed"), pool.getMessage());
    }

    /** A domain's facts as if it had MAC 52:54:00:0d:d0:01 on the default network (as a guest whose lease has not come). */
    private static DomainFacts anotherMac() {
        return new DomainFacts(null, List.of("52:54:00:0d:d0:01"), List.of("default"), List.of());
    }
}

package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.Machine;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

import java.time.Duration;
import java.util.List;

/**
 * Machines as libvirt domains on one connection ({@code test:///default}, {@code qemu:///system},
 * {@code qemu+ssh://host/system}). Each machine's settings come from its own kvm section (pool,
 * image, network, virt…, see {@link KvmSettings}); the connection is shared. Thread-safe: libvirt
 * connections are, and this class keeps no other state.
 * <pre>{@code
 * Driver kvm = new Drivers().of(DriverSection.of("kvm", Map.of("image", "debian-12.qcow2")));
 * Instance i = kvm.create(machine, JobContext.none());
 * }</pre>
 */
public final class KvmDriver implements Driver {
    private static final Duration POLL = Duration.ofMillis(250);
    private final Connect conn;
    private final String uri;
    private final String hypervisorType;
    private final KvmDomains domains;
    private final KvmCleanup cleanup;
    private final CloudInitIso isoMaker;
    private String capabilities;

    KvmDriver(Connect conn, String uri, CloudInitIso isoMaker) {
        this.conn = conn;
        this.uri = uri;
        this.hypervisorType = LibvirtCall.run("asking " + uri + " for its hypervisor type", conn::getType);
        this.domains = new KvmDomains(conn);
        this.cleanup = new KvmCleanup(conn, domains);
        this.isoMaker = isoMaker;
    }

    /** Connects to {@code uri}; the error says what to check when libvirt refuses. */
    public static KvmDriver connect(String uri) {
        LibvirtRuntime.ensure();
        if (uri.startsWith("test:///") && !uri.equals(KvmSettings.DEFAULT_URI)) {
            // a test hypervisor read from a file: libxml2 would print its own warning for a missing one
            java.nio.file.Path file = java.nio.file.Path.of(uri.substring("test://".length()));
            if (!java.nio.file.Files.isReadable(file)) {
                throw new DriverException("kvm: cannot connect to " + uri + ": no readable file " + file
                        + " (test:///default is the built-in test hypervisor)");
            }
        }
        try {
            return new KvmDriver(new Connect(uri), uri, new CloudInitIso());
        } catch (LibvirtException e) {
            throw new DriverException(LibvirtCall.code(e) == null ? null : LibvirtCall.code(e).name(),
                    "kvm: cannot connect to " + uri + ": " + LibvirtCall.message(e) + hint(uri, LibvirtCall.code(e)), e);
        }
    }

    @Override
    public String kind() {
        return "kvm";
    }

    @Override
    public Instance create(Machine machine, JobContext job) {
        return new KvmCreate(this, machine, job).run();
    }

    @Override
    public void start(Machine machine, JobContext job) {
        Domain d = domains.require(machine, "start");
        job.step("starting " + nameOf(d));
        if (!domains.active(d)) LibvirtCall.run("start " + nameOf(d), d::create);
    }

    /** Asks the guest to shut down (ACPI), polls its state until the deadline, then forces it off. */
    @Override
    public void stop(Machine machine, Duration graceful, JobContext job) {
        Domain d = domains.require(machine, "stop");
        String name = nameOf(d);
        if (!domains.active(d)) return;
        job.step("asking " + name + " to shut down (up to " + graceful.toSeconds() + " s)");
        try {
            d.shutdown();
        } catch (LibvirtException e) {
            if (!LibvirtCall.is(e, ErrorNumber.VIR_ERR_OPERATION_INVALID) && !LibvirtCall.is(e, ErrorNumber.VIR_ERR_NO_DOMAIN)) {
                throw LibvirtCall.failed("stop " + name + ": asking it to shut down", e);
            }
        }
        long deadline = System.nanoTime() + graceful.toNanos();
        while (domains.active(d) && System.nanoTime() - deadline < 0) {
            job.checkCancelled();
            pause();
        }
        if (!domains.active(d)) return;
        job.step("forcing " + name + " off: it did not shut down within " + graceful.toSeconds() + " s");
        try {
            d.destroy();
        } catch (LibvirtException e) {
            if (domains.active(d)) throw LibvirtCall.failed("stop " + name + ": forcing it off", e);
        }
    }

    @Override
    public void reboot(Machine machine, JobContext job) {
        Domain d = domains.require(machine, "reboot");
        String name = nameOf(d);
        if (!domains.active(d)) {
            throw new DriverException("reboot " + name + ": it is not running; start it instead");
        }
        job.step("rebooting " + name);
        LibvirtCall.run("reboot " + name, () -> { d.reboot(0); return null; });
    }

    @Override
    public Instance status(Machine machine) {
        return domains.find(machine).flatMap(domains::instance)
                .orElseGet(() -> Instance.absent(machine.ref() == null ? KvmNames.domain(machine) : machine.ref()));
    }

    @Override
    public String address(Machine machine, Duration wait, JobContext job) {
        Domain d = domains.require(machine, "address of");
        String name = nameOf(d);
        if (!domains.active(d)) throw new DriverException("address of " + name + ": it is not running; start it first");
        DomainFacts facts = domains.facts(d).orElseThrow(() -> new DriverException("address of " + name + ": it was deleted meanwhile"));
        return AddressLookup.await(name, d, facts, wait, job);
    }

    @Override
    public void destroy(Machine machine, JobContext job) {
        job.step("destroying " + KvmNames.domain(machine) + " and its volumes");
        KvmStorage storage;
        try {
            // only the pool matters here: a setting create would refuse must not keep a machine from going
            storage = new KvmStorage(conn, KvmSettings.pool(machine.driver(), testHypervisor()), testHypervisor());
        } catch (DriverException e) {
            storage = null; // no pool, no volumes in it to delete: the domain and its named disks still go
        }
        List<String> left = cleanup.removeAll(machine, storage);
        if (!left.isEmpty()) {
            throw new DriverException("destroy " + KvmNames.domain(machine) + ": could not remove " + String.join(", ", left));
        }
    }

    @Override
    public List<Instance> list() {
        return domains.instances();
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (LibvirtException e) {
            throw LibvirtCall.failed("closing " + uri, e);
        }
    }

    @Override
    public String toString() {
        return "kvm driver at " + uri + " (" + hypervisorType + ")";
    }

    Connect connect() {
        return conn;
    }

    String hypervisorType() {
        return hypervisorType;
    }

    boolean testHypervisor() {
        return "TEST".equalsIgnoreCase(hypervisorType);
    }

    /**
     * The hypervisor's capabilities, read once per connection: qemu's driver probes every emulator
     * again on each call (12-18 s on this build machine), and the host's CPU does not change while connected.
     */
    synchronized String capabilities() {
        if (capabilities == null) {
            capabilities = LibvirtCall.run("reading the hypervisor's capabilities", conn::getCapabilities);
        }
        return capabilities;
    }

    KvmDomains domains() {
        return domains;
    }

    KvmCleanup cleanup() {
        return cleanup;
    }

    CloudInitIso isoMaker() {
        return isoMaker;
    }

    KvmStorage storage(KvmSettings settings) {
        return new KvmStorage(conn, settings.poolOn(testHypervisor()), testHypervisor());
    }

    private static String nameOf(Domain d) {
        return LibvirtCall.run("reading the domain's name", d::getName);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis()); // the poll interval while waiting for a shutdown, bounded by the grace period
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("stop: interrupted while waiting for the guest to shut down", e);
        }
    }

    private static final java.util.Set<String> KNOWN_SCHEMES = java.util.Set.of("test", "qemu", "lxc", "xen", "libxl",
            "vbox", "vmware", "esx", "bhyve", "ch", "openvz", "hyperv", "vz", "vpx", "gsx", "vmwareplayer", "vmwarews");

    private static String hint(String uri, ErrorNumber code) {
        String scheme = uri.contains(":") ? uri.substring(0, uri.indexOf(':')).split("\\+")[0] : uri;
        // an unknown scheme goes to libvirtd's socket, so the error depends on whether one runs: say the same either way
        if (code == ErrorNumber.VIR_ERR_NO_CONNECT || !KNOWN_SCHEMES.contains(scheme)) {
            return " (check the kvm setting uri: test:///default, qemu:///system, qemu+ssh://user@host/system)";
        }
        if (uri.startsWith("test:")) return "";
        if (uri.contains("+ssh")) return " (check that ssh to that host works without a password prompt and that libvirtd runs there)";
        return " (is libvirtd running? start it with 'libvirtd -d' or systemctl start libvirtd; are you in group libvirt?)";
    }
}

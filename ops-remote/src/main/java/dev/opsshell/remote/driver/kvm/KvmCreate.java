package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.Volume;
import org.libvirt.Domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One create, step by step: check the base image; find the system's own leftovers (a complete
 * domain from an interrupted run is reused and started, loose volumes are deleted); make the root
 * overlay, the extra volumes and the cloud-init ISO; define and start the domain. A failure at
 * any step removes everything made for the system and throws a {@link DriverException} naming
 * the step, libvirt's message, and anything that could not be removed.
 */
final class KvmCreate {
    private final KvmDriver driver;
    private final Machine machine;
    private final KvmSettings settings;
    private final JobContext job;
    private final String name;
    private String step = "starting";

    KvmCreate(KvmDriver driver, Machine machine, JobContext job) {
        this.driver = driver;
        this.machine = machine;
        this.settings = KvmSettings.of(machine.driver());
        this.job = job;
        this.name = KvmNames.domain(machine);
    }

    Instance run() {
        if (settings.agent()) {
            throw new DriverException("create " + name + ": kvm setting agent=true is not supported yet (the agent is"
                    + " not put in cloud-init); leave it out and install the agent after create");
        }
        KvmStorage storage = null;
        try {
            step("opening storage pool " + settings.poolOn(driver.testHypervisor()));
            storage = driver.storage(settings);
            step(settings.image() == null ? "checking the base image (none given)" : "checking the base image " + settings.image());
            BaseImage base = storage.base(settings.image(), settings.imageFormat(), settings.diskGb());
            step("reading the public key");
            String key = CloudInit.readPublicKey(settings.sshKeyFile());
            HostKey hostKey = HostKey.read(settings.hostKeyFile());
            Optional<Domain> leftover = driver.domains().find(machine);
            if (leftover.isPresent()) return reuse(leftover.get());
            clearLooseVolumes(storage);
            List<DomainXml.Disk> disks = new ArrayList<>();
            step("making the root disk");
            disks.add(new DomainXml.Disk(storage.overlay(KvmNames.rootVolume(name), base, settings.diskGb()), "qcow2", false));
            for (Volume v : machine.volumes()) {
                step("making volume " + v.name());
                disks.add(new DomainXml.Disk(storage.volume(KvmNames.dataVolume(name, v.name()), v.sizeGb()), "qcow2", false));
            }
            step("writing cloud-init data");
            byte[] iso = driver.isoMaker().build(CloudInit.of(machine, key, hostKey));
            disks.add(new DomainXml.Disk(storage.upload(KvmNames.cloudInitVolume(name), iso), "raw", true));
            step("defining the domain");
            String xml = domainXml(disks).render();
            Domain d = LibvirtCall.run("defining the domain", () -> driver.connect().domainDefineXML(xml));
            step("starting the domain");
            LibvirtCall.run("starting the domain", d::create);
            return new Instance(name, machine.id(), name, InstanceState.RUNNING, null);
        } catch (RuntimeException e) {
            throw failed(e, storage);
        }
    }

    /** A domain a previous run defined completely: started if it is not running, and kept. */
    private Instance reuse(Domain d) {
        step("starting the domain left by an interrupted create");
        if (!driver.domains().active(d)) LibvirtCall.run("starting the domain left by an interrupted create", d::create);
        String ref = LibvirtCall.run("reading the domain", d::getName);
        return new Instance(ref, machine.id(), ref, InstanceState.RUNNING, null);
    }

    private void clearLooseVolumes(KvmStorage storage) {
        List<String> loose = storage.volumesOf(machine.id());
        if (loose.isEmpty()) return;
        step("removing leftovers of an interrupted create: " + loose);
        for (String v : loose) storage.delete(v);
    }

    private DomainXml domainXml(List<DomainXml.Disk> disks) {
        String type = Virtualisation.domainType(settings.virt(), driver.hypervisorType(), driver::capabilities);
        return new DomainXml(name, type, KvmNames.metadataElement(machine), machine.cpu(), machine.ramMb(), disks,
                settings.hasNetwork() ? settings.network() : null, settings.kernel(), settings.initrd(), settings.cmdline());
    }

    private void step(String what) {
        job.checkCancelled();
        step = what;
        job.step(what);
    }

    private DriverException failed(RuntimeException e, KvmStorage storage) {
        List<String> left;
        try {
            left = driver.cleanup().removeAll(machine, storage);
        } catch (RuntimeException cleanupFailure) {
            left = List.of("(cleanup failed: " + cleanupFailure.getMessage() + ")");
        }
        String what = e.getMessage() == null ? e.toString() : e.getMessage();
        if (job.cancelled()) what = "cancelled by the operator while " + step;
        else if (!what.startsWith(step)) what = step + " failed: " + what;
        String code = e instanceof DriverException de ? de.code() : null;
        String after = left.isEmpty() ? "; removed what this create had made"
                : "; could not remove " + String.join(", ", left) + " — remove by hand (virsh vol-delete / undefine)";
        return new DriverException(code, "create " + name + ": " + what + after, e);
    }
}

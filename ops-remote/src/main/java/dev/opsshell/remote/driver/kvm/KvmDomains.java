package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.system.Machine;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The domains of one connection as ops sees them: found by name or, failing that, by the system
 * id in their metadata; read as {@link Instance}s. A domain that vanishes while being read (deleted
 * behind ops's back) reads as absent, never as an error.
 */
final class KvmDomains {
    private final Connect conn;

    KvmDomains(Connect conn) {
        this.conn = conn;
    }

    /**
     * The machine's domain: by its ref, by the name ops gives it, else by its system id. A domain
     * found by name must carry this system id, or none at all (a machine sync imported, which ops
     * did not make, is known by its ref alone).
     */
    Optional<Domain> find(Machine m) {
        for (String name : new String[]{m.ref(), KvmNames.domain(m)}) {
            if (name == null || name.isBlank()) continue;
            Optional<Domain> d = byName(name).filter(found -> {
                String tagged = facts(found).map(DomainFacts::systemId).orElse(null);
                return m.id().equals(tagged) || (tagged == null && name.equals(m.ref()));
            });
            if (d.isPresent()) return d;
        }
        return byId(m.id());
    }

    /** The machine's domain, or a clear error for a machine that does not exist here. */
    Domain require(Machine m, String doing) {
        return find(m).orElseThrow(() -> new DriverException(doing + " " + KvmNames.domain(m) + ": no such machine at "
                + uri() + " (never created, destroyed, or deleted behind ops's back); create it first"));
    }

    Optional<Domain> byId(String id) {
        for (Domain d : named(id)) {
            if (id.equals(facts(d).map(DomainFacts::systemId).orElse(null))) return Optional.of(d);
        }
        return Optional.empty();
    }

    /** Every domain of the machine: the one {@link #find} gives and any other carrying its system id. */
    List<Domain> allOf(Machine m) {
        List<Domain> out = new ArrayList<>();
        find(m).ifPresent(out::add);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Domain d : out) names.add(nameOf(d));
        for (Domain d : named(m.id())) {
            if (m.id().equals(facts(d).map(DomainFacts::systemId).orElse(null)) && names.add(nameOf(d))) out.add(d);
        }
        return out;
    }

    /**
     * The domains whose name carries the system id (ops names them hostname-id): only their XML is
     * read, so finding leftovers costs one listing, not one XML parse per domain of the host (a
     * hundred creates made that quadratic). A domain renamed by hand is not found as a leftover.
     */
    private List<Domain> named(String id) {
        String suffix = "-" + id;
        return all().stream().filter(d -> nameOf(d).endsWith(suffix)).toList();
    }

    List<Domain> all() {
        return List.of(LibvirtCall.run("listing the domains at " + uri(), () -> conn.listAllDomains(0)));
    }

    /** Every domain as an instance; ones that vanish while listed are left out. */
    List<Instance> instances() {
        List<Instance> out = new ArrayList<>();
        for (Domain d : all()) instance(d).filter(Instance::exists).ifPresent(out::add);
        return out;
    }

    /** The domain's name, system id and state, or empty when it is gone. */
    Optional<Instance> instance(Domain d) {
        try {
            String name = d.getName();
            DomainState state = d.getInfo().state;
            String id = DomainFacts.of(d.getXMLDesc(0)).systemId();
            return Optional.of(new Instance(name, id, name, state(state), null));
        } catch (LibvirtException e) {
            if (LibvirtCall.is(e, ErrorNumber.VIR_ERR_NO_DOMAIN)) return Optional.empty();
            throw LibvirtCall.failed("reading domain", e);
        }
    }

    /** The domain's XML facts, or empty when it is gone. */
    Optional<DomainFacts> facts(Domain d) {
        try {
            return Optional.of(DomainFacts.of(d.getXMLDesc(0)));
        } catch (LibvirtException e) {
            if (LibvirtCall.is(e, ErrorNumber.VIR_ERR_NO_DOMAIN)) return Optional.empty();
            throw LibvirtCall.failed("reading domain", e);
        }
    }

    /** True while the domain runs (or is paused); false when shut off or gone. */
    boolean active(Domain d) {
        try {
            return d.isActive() == 1;
        } catch (LibvirtException e) {
            if (LibvirtCall.is(e, ErrorNumber.VIR_ERR_NO_DOMAIN)) return false;
            throw LibvirtCall.failed("reading domain state", e);
        }
    }

    private Optional<Domain> byName(String name) {
        try {
            return Optional.of(conn.domainLookupByName(name));
        } catch (LibvirtException e) {
            if (LibvirtCall.is(e, ErrorNumber.VIR_ERR_NO_DOMAIN)) return Optional.empty();
            throw LibvirtCall.failed("looking up domain " + name, e);
        }
    }

    static InstanceState state(DomainState s) {
        return switch (s) {
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> InstanceState.RUNNING;
            case VIR_DOMAIN_SHUTDOWN -> InstanceState.STOPPING;
            case VIR_DOMAIN_NOSTATE -> InstanceState.PENDING;
            case VIR_DOMAIN_PAUSED, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_CRASHED, VIR_DOMAIN_PMSUSPENDED -> InstanceState.STOPPED;
        };
    }

    /** The domain's name (libvirt-java declares an exception its getName never throws). */
    static String nameOf(Domain d) {
        try {
            return d.getName();
        } catch (LibvirtException e) {
            return "(unnamed: " + LibvirtCall.message(e) + ")";
        }
    }

    String uri() {
        try {
            return conn.getURI();
        } catch (LibvirtException e) {
            return "the libvirt connection (" + LibvirtCall.message(e) + ")";
        }
    }
}

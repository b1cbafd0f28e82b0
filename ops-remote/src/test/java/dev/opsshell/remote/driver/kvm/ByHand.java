package dev.opsshell.remote.driver.kvm;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

import java.util.ArrayList;
import java.util.List;

/**
 * A libvirt connection seen from the side, with a connection of its own: what an operator with
 * virsh would see and do (make a base image, delete a domain by hand, list what is left). By
 * default libvirt's built-in test hypervisor, whose state every connection of this process shares.
 */
final class ByHand implements AutoCloseable {
    static final String URI = "test:///default";
    static final String POOL = "default-pool";
    final Connect conn;
    private final String pool;

    ByHand() throws LibvirtException {
        this(URI, POOL);
    }

    ByHand(String uri, String pool) throws LibvirtException {
        LibvirtRuntime.ensure();
        this.conn = new Connect(uri);
        this.pool = pool;
    }

    StoragePool pool() throws LibvirtException {
        return conn.storagePoolLookupByName(pool);
    }

    /** Makes a volume in the pool unless it is there; returns its path. */
    String volume(String name, long gib, String format) throws LibvirtException {
        StoragePool pool = pool();
        for (String v : pool.listVolumes()) if (v.equals(name)) return pool.storageVolLookupByName(name).getPath();
        StorageVol vol = pool.storageVolCreateXML("<volume><name>" + name + "</name><capacity unit='G'>" + gib
                + "</capacity><target><format type='" + format + "'/></target></volume>", 0);
        return vol.getPath();
    }

    /** Every domain name and volume name that mentions {@code id} (the system id is in all of ops's names). */
    List<String> traces(String id) throws LibvirtException {
        List<String> out = new ArrayList<>();
        for (Domain d : conn.listAllDomains(0)) {
            if (d.getName().contains(id) || d.getXMLDesc(0).contains("id='" + id + "'")) out.add("domain " + d.getName());
        }
        for (String v : pool().listVolumes()) if (v.contains(id)) out.add("volume " + v);
        return out;
    }

    void deleteDomain(String name) throws LibvirtException {
        Domain d = conn.domainLookupByName(name);
        if (d.isActive() == 1) d.destroy();
        d.undefine();
    }

    @Override
    public void close() throws LibvirtException {
        conn.close();
    }
}

package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.system.Machine;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Domain.UndefineFlags;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes everything ops made for one system at a connection: its domain (stopped, then
 * undefined) and every volume carrying its system id — the disks the domain names and those in
 * the machine's pool (leftovers of an interrupted create have no domain yet). Each part is tried
 * even when another fails; what could not be removed is returned, named, for the error message.
 */
final class KvmCleanup {
    private final Connect conn;
    private final KvmDomains domains;

    KvmCleanup(Connect conn, KvmDomains domains) {
        this.conn = conn;
        this.domains = domains;
    }

    /** Removes the machine's domain and volumes; returns what is left (empty when all is gone). */
    List<String> removeAll(Machine m, KvmStorage storage) {
        List<String> left = new ArrayList<>();
        Set<String> diskFiles = new LinkedHashSet<>();
        for (Domain d : domains.allOf(m)) {
            domains.facts(d).ifPresent(f -> diskFiles.addAll(f.diskFiles()));
            String name = nameOf(d);
            try {
                removeDomain(d);
            } catch (DriverException e) {
                left.add("domain " + name + " (" + e.getMessage() + ")");
            }
        }
        for (String file : diskFiles) {
            if (!KvmNames.volumeOf(file.substring(file.lastIndexOf('/') + 1), m.id())) continue;
            try {
                deleteByPath(file);
            } catch (DriverException e) {
                left.add("volume " + file + " (" + e.getMessage() + ")");
            }
        }
        if (storage != null) {
            try {
                for (String v : storage.volumesOf(m.id())) {
                    try {
                        storage.delete(v);
                    } catch (DriverException e) {
                        left.add("volume " + v + " (" + e.getMessage() + ")");
                    }
                }
            } catch (DriverException e) {
                left.add("the volumes of system " + m.id() + " (" + e.getMessage() + ")");
            }
        }
        return left;
    }

    private void removeDomain(Domain d) {
        try {
            if (d.isActive() == 1) d.destroy();
        } catch (LibvirtException e) {
            if (!gone(e)) throw LibvirtCall.failed("stopping domain " + nameOf(d), e);
        }
        try {
            d.undefine(UndefineFlags.MANAGED_SAVE | UndefineFlags.SNAPSHOTS_METADATA);
        } catch (LibvirtException e) {
            if (!gone(e)) throw LibvirtCall.failed("undefining domain " + nameOf(d), e);
        }
    }

    private void deleteByPath(String path) {
        StorageVol vol;
        try {
            vol = conn.storageVolLookupByPath(path);
        } catch (LibvirtException e) {
            if (LibvirtCall.is(e, ErrorNumber.VIR_ERR_NO_STORAGE_VOL)) return;
            throw LibvirtCall.failed("looking up volume " + path, e);
        }
        LibvirtCall.run("deleting volume " + path, () -> { vol.delete(0); return null; });
    }

    private static boolean gone(LibvirtException e) {
        // a domain already shut off answers OPERATION_INVALID to destroy; one deleted meanwhile NO_DOMAIN
        return LibvirtCall.is(e, ErrorNumber.VIR_ERR_NO_DOMAIN) || LibvirtCall.is(e, ErrorNumber.VIR_ERR_OPERATION_INVALID);
    }

    private static String nameOf(Domain d) {
        try {
            return d.getName();
        } catch (LibvirtException e) {
            return "(unnamed: " + LibvirtCall.message(e) + ")";
        }
    }
}

package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.DriverException;
import org.libvirt.Connect;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * A machine's disks as volumes of one storage pool: the root disk a qcow2 overlay on the base
 * image, one qcow2 volume per extra volume, the cloud-init ISO uploaded through libvirt (so it
 * works the same over {@code qemu+ssh://}). Found again, and deleted, by the system id in their names.
 */
final class KvmStorage {
    private static final long GIB = 1L << 30;
    private final Connect conn;
    private final StoragePool pool;
    private final String poolName;
    private final boolean testHypervisor;

    KvmStorage(Connect conn, String poolName, boolean testHypervisor) {
        this.conn = conn;
        this.poolName = poolName;
        this.testHypervisor = testHypervisor;
        this.pool = LibvirtCall.run("opening storage pool '" + poolName + "'", () -> conn.storagePoolLookupByName(poolName));
    }

    /**
     * The base image: a volume of the pool by name, or an absolute path (a volume of any pool, or a
     * file). None on the test hypervisor means a blank root disk (null here): nothing boots there
     * anyway, and a newcomer's {@code create(kvm(), …)} needs no image.
     */
    BaseImage base(String image, String formatSetting, Integer diskGb) {
        if (image == null && testHypervisor) return null;
        if (image == null) {
            throw new DriverException("no base image: set the kvm setting image to a volume of pool '" + poolName
                    + "' or an absolute path");
        }
        StorageVol vol = image.startsWith("/") ? byPath(image) : byName(image);
        if (vol == null && !image.startsWith("/")) {
            throw new DriverException("checking the base image failed: no volume '" + image + "' in pool '" + poolName
                    + "'; set image to a volume of that pool or to an absolute path");
        }
        if (vol == null) return fileOutsidePools(image, formatSetting, diskGb);
        StorageVol found = vol;
        String xml = LibvirtCall.run("reading base image " + image, () -> found.getXMLDesc(0));
        String format = formatSetting != null ? formatSetting : formatOf(xml);
        long capacity = LibvirtCall.run("reading base image " + image, () -> found.getInfo().capacity);
        String path = LibvirtCall.run("reading base image " + image, found::getPath);
        return new BaseImage(path, format == null ? "raw" : format, capacity);
    }

    /** Makes the root disk, a qcow2 overlay on {@code base} (a blank one without a base); returns its path. */
    String overlay(String name, BaseImage base, Integer diskGb) {
        if (base == null) return volume(name, diskGb == null ? 10 : diskGb);
        long capacity = Math.max(base.capacityBytes(), diskGb == null ? 0 : diskGb * GIB);
        String xml = "<volume><name>" + Xml.escape(name) + "</name><capacity unit='bytes'>" + capacity + "</capacity>"
                + "<allocation>0</allocation><target><format type='qcow2'/></target>"
                + "<backingStore><path>" + Xml.escape(base.path()) + "</path><format type='" + Xml.escape(base.format())
                + "'/></backingStore></volume>";
        return create("making the root disk " + name + " (qcow2 over " + base.path() + ")", xml);
    }

    /** Makes an empty qcow2 volume of {@code sizeGb}; returns its path. */
    String volume(String name, int sizeGb) {
        String xml = "<volume><name>" + Xml.escape(name) + "</name><capacity unit='bytes'>" + sizeGb * GIB
                + "</capacity><allocation>0</allocation><target><format type='qcow2'/></target></volume>";
        return create("making volume " + name + " (" + sizeGb + " GiB)", xml);
    }

    /**
     * Makes a raw volume holding {@code bytes} (the cloud-init ISO) and returns its path. The test
     * hypervisor keeps no volume contents (it has no upload): there the volume stays empty.
     */
    String upload(String name, byte[] bytes) {
        String step = "writing cloud-init data " + name;
        String xml = "<volume><name>" + Xml.escape(name) + "</name><capacity unit='bytes'>" + bytes.length
                + "</capacity><target><format type='raw'/></target></volume>";
        String path = create(step, xml);
        StorageVol vol = LibvirtCall.run(step, () -> pool.storageVolLookupByName(name));
        try {
            var stream = conn.streamNew(0);
            try {
                vol.upload(stream, 0, bytes.length, 0);
            } catch (LibvirtException e) {
                stream.abort();
                if (testHypervisor && LibvirtCall.is(e, ErrorNumber.VIR_ERR_NO_SUPPORT)) return path;
                throw e;
            }
            stream.write(java.nio.ByteBuffer.wrap(bytes)); // loops until all is sent (blocking stream)
            stream.finish();
            return path;
        } catch (LibvirtException e) {
            throw LibvirtCall.failed(step, e);
        } catch (java.io.IOException e) {
            throw e.getCause() instanceof LibvirtException le ? LibvirtCall.failed(step, le)
                    : new DriverException(step + " failed: " + e.getMessage(), e);
        }
    }

    /** The names of the volumes made for system {@code id} (leftovers included). */
    List<String> volumesOf(String id) {
        List<String> out = new ArrayList<>();
        for (String n : volumeNames()) if (KvmNames.volumeOf(n, id)) out.add(n);
        return out;
    }

    /** Deletes a volume by name; one already gone is fine. */
    void delete(String name) {
        StorageVol vol = byName(name);
        if (vol != null) LibvirtCall.run("deleting volume " + name, () -> { vol.delete(0); return null; });
    }

    private String create(String step, String xml) {
        StorageVol vol = LibvirtCall.run(step, () -> pool.storageVolCreateXML(xml, 0));
        return LibvirtCall.run(step, vol::getPath);
    }

    private List<String> volumeNames() {
        return List.of(LibvirtCall.run("listing the volumes of pool " + poolName, pool::listVolumes));
    }

    private StorageVol byName(String name) {
        try {
            return pool.storageVolLookupByName(name);
        } catch (LibvirtException e) {
            if (LibvirtCall.is(e, ErrorNumber.VIR_ERR_NO_STORAGE_VOL)) return null;
            throw LibvirtCall.failed("looking up volume " + name + " in pool " + poolName, e);
        }
    }

    private StorageVol byPath(String path) {
        try {
            return conn.storageVolLookupByPath(path);
        } catch (LibvirtException e) {
            if (LibvirtCall.is(e, ErrorNumber.VIR_ERR_NO_STORAGE_VOL)) return null;
            throw LibvirtCall.failed("looking up base image " + path, e);
        }
    }

    /** A base image file no pool lists: usable on the hypervisor's host when its format and size are given. */
    private BaseImage fileOutsidePools(String path, String format, Integer diskGb) {
        String guessed = format != null ? format : path.endsWith(".qcow2") ? "qcow2"
                : path.endsWith(".raw") || path.endsWith(".img") ? "raw" : null;
        if (guessed == null || diskGb == null) {
            throw new DriverException("checking the base image failed: " + path + " is in no storage pool, so libvirt"
                    + " cannot tell its format and size: put it in pool '" + poolName + "' (then refresh the pool),"
                    + " or set image_format and disk_gb");
        }
        return new BaseImage(path, guessed, diskGb * GIB);
    }

    private static String formatOf(String volumeXml) {
        Element root = Xml.parse(volumeXml).getDocumentElement();
        return Xml.children(root, "target").stream().flatMap(t -> Xml.children(t, "format").stream())
                .map(f -> Xml.attr(f, "type")).filter(t -> t != null).findFirst().orElse(null);
    }
}

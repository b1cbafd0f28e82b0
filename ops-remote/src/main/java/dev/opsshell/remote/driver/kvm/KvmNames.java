package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.system.Machine;

/**
 * What ops calls things at libvirt: a domain is the hostname plus the system id
 * ({@code web-k3x9q2m7ta}), its disks and cloud-init data are volumes named after the domain, and
 * the system id is also written in the domain's {@code <metadata>}, so a machine is found by its
 * id even when its name is unknown (an interrupted create, a renamed record).
 */
final class KvmNames {
    /** The XML namespace of ops's element in a domain's {@code <metadata>}. */
    static final String METADATA_NS = "https://opsshell.dev/xmlns/libvirt/system/1";
    static final String METADATA_PREFIX = "ops";

    private KvmNames() {
    }

    static String domain(Machine m) {
        return m.hostname() + "-" + m.id();
    }

    static String rootVolume(String domain) {
        return domain + "-root.qcow2";
    }

    static String dataVolume(String domain, String volume) {
        return domain + "-vol-" + volume + ".qcow2";
    }

    static String cloudInitVolume(String domain) {
        return domain + "-cidata.iso";
    }

    /** True for a volume ops made for the system {@code id}, whatever the hostname was then. */
    static boolean volumeOf(String volumeName, String id) {
        return volumeName.contains("-" + id + "-");
    }

    /** The {@code <metadata>} child that tags a domain with its system id. */
    static String metadataElement(Machine m) {
        return "<" + METADATA_PREFIX + ":system xmlns:" + METADATA_PREFIX + "='" + METADATA_NS + "' id='"
                + Xml.escape(m.id()) + "' hostname='" + Xml.escape(m.hostname()) + "'/>";
    }
}

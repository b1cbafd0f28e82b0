package dev.opsshell.remote.driver.kvm;

import org.w3c.dom.Element;

/**
 * Which libvirt domain type a machine gets: {@code test} on the test hypervisor; {@code qemu}
 * (software emulation) or {@code kvm} (hardware virtualisation) as the {@code virt} setting says;
 * for {@code auto}, {@code kvm} only where it really works. A {@code /dev/kvm} alone is not proof:
 * a paravirtual one (PVM, as on some cloud VMs) makes libvirt offer {@code kvm} while a stock
 * kernel hangs at boot under it. So auto asks the hypervisor host's capabilities for both signs:
 * the {@code kvm} domain type offered (a usable {@code /dev/kvm}) and the host CPU's {@code vmx}
 * (Intel VT-x) or {@code svm} (AMD-V) feature — the flags {@code /proc/cpuinfo} shows, read through
 * libvirt so a {@code qemu+ssh://} host is judged by its own CPU, not ours.
 */
final class Virtualisation {
    private Virtualisation() {
    }

    /**
     * The domain type for a machine.
     *
     * @param setting        {@code qemu}, {@code kvm} or {@code auto}
     * @param hypervisorType libvirt's name for the connection's driver ({@code TEST}, {@code QEMU})
     * @param capabilities   the connection's capabilities XML (read only for {@code auto})
     */
    static String domainType(String setting, String hypervisorType, java.util.function.Supplier<String> capabilities) {
        if ("TEST".equalsIgnoreCase(hypervisorType)) return "test";
        if (!setting.equals("auto")) return setting;
        return hardwareVirtualisationWorks(capabilities.get()) ? "kvm" : "qemu";
    }

    /** True when the capabilities offer a kvm domain and the host CPU has vmx or svm. */
    static boolean hardwareVirtualisationWorks(String capabilitiesXml) {
        Element root = Xml.parse(capabilitiesXml).getDocumentElement();
        boolean kvmOffered = Xml.all(root, "domain").stream().anyMatch(d -> "kvm".equals(Xml.attr(d, "type")));
        boolean cpuCanVirtualise = Xml.children(root, "host").stream()
                .flatMap(h -> Xml.children(h, "cpu").stream())
                .flatMap(c -> Xml.children(c, "feature").stream())
                .map(f -> Xml.attr(f, "name"))
                .anyMatch(n -> "vmx".equals(n) || "svm".equals(n));
        return kvmOffered && cpuCanVirtualise;
    }
}

package dev.opsshell.remote.driver.kvm;

import java.util.List;

/**
 * The libvirt domain definition of one machine. Disks are {@code <disk type='file'>} on the
 * volumes' paths (AppArmor's libvirt profile refuses some {@code type='volume'} disks); the
 * cloud-init ISO is a read-only virtio disk (NoCloud finds it by its {@code cidata} label on any
 * block device, whatever buses the machine type has); {@code <acpi/>} lets a graceful stop reach
 * the guest; a guest agent channel lets libvirt ask the guest for its addresses.
 */
record DomainXml(String name, String type, String metadata, int cpu, int ramMb, List<Disk> disks, String network,
                 String kernel, String initrd, String cmdline) {

    /** A file disk: its path on the hypervisor's host, qcow2 or raw, read-only or not. */
    record Disk(String path, String format, boolean readOnly) {
    }

    DomainXml {
        disks = List.copyOf(disks);
        if (disks.size() > 26) throw new IllegalArgumentException("at most 26 disks, got " + disks.size());
    }

    String render() {
        StringBuilder x = new StringBuilder();
        x.append("<domain type='").append(type).append("'>\n");
        x.append("  <name>").append(Xml.escape(name)).append("</name>\n");
        x.append("  <metadata>").append(metadata).append("</metadata>\n");
        x.append("  <memory unit='MiB'>").append(ramMb).append("</memory>\n");
        x.append("  <vcpu>").append(cpu).append("</vcpu>\n");
        x.append("  <os>\n    <type arch='x86_64'>hvm</type>\n");
        if (kernel != null) {
            x.append("    <kernel>").append(Xml.escape(kernel)).append("</kernel>\n");
            if (initrd != null) x.append("    <initrd>").append(Xml.escape(initrd)).append("</initrd>\n");
            if (cmdline != null) x.append("    <cmdline>").append(Xml.escape(cmdline)).append("</cmdline>\n");
        } else {
            x.append("    <boot dev='hd'/>\n");
        }
        x.append("  </os>\n  <features><acpi/><apic/></features>\n");
        if (type.equals("kvm")) x.append("  <cpu mode='host-passthrough'/>\n");
        x.append("  <on_poweroff>destroy</on_poweroff>\n  <on_reboot>restart</on_reboot>\n  <on_crash>destroy</on_crash>\n");
        x.append("  <devices>\n");
        for (int i = 0; i < disks.size(); i++) appendDisk(x, disks.get(i), "vd" + (char) ('a' + i));
        if (network != null) {
            x.append("    <interface type='network'><source network='").append(Xml.escape(network))
                    .append("'/><model type='virtio'/></interface>\n");
        }
        if (!type.equals("test")) {
            x.append("    <serial type='pty'/>\n    <console type='pty'/>\n");
            x.append("    <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>\n");
            x.append("    <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>\n");
        }
        x.append("  </devices>\n</domain>\n");
        return x.toString();
    }

    private static void appendDisk(StringBuilder x, Disk d, String target) {
        x.append("    <disk type='file' device='disk'><driver name='qemu' type='").append(d.format())
                .append("'/><source file='").append(Xml.escape(d.path())).append("'/><target dev='").append(target)
                .append("' bus='virtio'/>").append(d.readOnly() ? "<readonly/>" : "").append("</disk>\n");
    }
}

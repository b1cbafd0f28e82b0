package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.system.DriverSection;

/**
 * A machine's kvm section read into values, with the defaults filled in.
 * <ul>
 * <li>{@code uri}: the libvirt connection ({@code test:///default}, {@code qemu:///system},
 *     {@code qemu+ssh://host/system}); default {@code test:///default}, libvirt's built-in test hypervisor.
 * <li>{@code pool}: the storage pool for disks and cloud-init data; default {@code default}
 *     ({@code default-pool} on the test hypervisor, its only pool).
 * <li>{@code image}: the base image, a volume name in the pool or an absolute path.
 * <li>{@code image_format}: the base image's format where libvirt cannot say (a path outside any pool).
 * <li>{@code disk_gb}: the root disk's size; default the base image's size.
 * <li>{@code network}: the libvirt network of the one interface; default {@code default}; {@code none} for no interface.
 * <li>{@code virt}: {@code qemu}, {@code kvm} or {@code auto} (default; see {@link Virtualisation}).
 * <li>{@code kernel}, {@code initrd}, {@code cmdline}: direct kernel boot, paths on the hypervisor's host.
 * <li>{@code ssh_key_file}: a public key (.pub) put in the user's authorized_keys by cloud-init.
 * <li>{@code host_key_file}: an SSH host key pair made beforehand (the private key's path, {@code .pub}
 *     beside it) that cloud-init installs as the guest's host key, so its key is known before it answers.
 * <li>{@code agent}: {@code true} to install the ops agent by cloud-init (not yet supported: refused clearly).
 * </ul>
 */
record KvmSettings(String uri, String pool, String image, String imageFormat, Integer diskGb, String network,
                   String virt, String kernel, String initrd, String cmdline, String sshKeyFile, String hostKeyFile,
                   boolean agent) {
    static final String DEFAULT_URI = "test:///default";

    static KvmSettings of(DriverSection section) {
        String virt = section.get("virt", "auto");
        if (!virt.matches("qemu|kvm|auto")) {
            throw new DriverException("kvm setting virt is qemu, kvm or auto (got '" + virt + "')");
        }
        String agent = section.get("agent", "false");
        if (!agent.matches("true|false")) {
            throw new DriverException("kvm setting agent is true or false (got '" + agent + "')");
        }
        return new KvmSettings(uri(section), blankToNull(section.get("pool")), blankToNull(section.get("image")),
                blankToNull(section.get("image_format")), diskGb(section.get("disk_gb")),
                section.get("network", "default"), virt, blankToNull(section.get("kernel")),
                blankToNull(section.get("initrd")), blankToNull(section.get("cmdline")),
                blankToNull(section.get("ssh_key_file")), blankToNull(section.get("host_key_file")),
                Boolean.parseBoolean(agent));
    }

    static String uri(DriverSection section) {
        String uri = section.get("uri");
        return uri == null || uri.isBlank() ? DEFAULT_URI : uri.trim();
    }

    /** The pool a section names, with the default filled in (for destroy, which reads nothing else). */
    static String pool(DriverSection section, boolean testHypervisor) {
        String pool = blankToNull(section.get("pool"));
        return pool != null ? pool : testHypervisor ? "default-pool" : "default";
    }

    /** The pool to use on a connection: the one named, else {@code default-pool} on the test hypervisor, else {@code default}. */
    String poolOn(boolean testHypervisor) {
        if (pool != null) return pool;
        return testHypervisor ? "default-pool" : "default";
    }

    boolean hasNetwork() {
        return network != null && !network.isBlank() && !network.equals("none");
    }

    private static Integer diskGb(String value) {
        if (value == null || value.isBlank()) return null;
        if (value.trim().matches("0*[1-9][0-9]{0,5}")) return Integer.parseInt(value.trim());
        throw new DriverException("kvm setting disk_gb is a whole number of GiB above 0 (got '" + value + "')");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package dev.opsshell.remote.driver.kvm;

/** The image a machine's root disk is an overlay on: its path on the hypervisor's host, format and size in bytes. */
record BaseImage(String path, String format, long capacityBytes) {
}

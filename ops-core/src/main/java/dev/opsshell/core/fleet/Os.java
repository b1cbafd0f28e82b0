package dev.opsshell.core.fleet;

/** An operating system preset: its name ({@code debian-12}) and the default login user of its images. */
public record Os(String name, String user) {
    public static final Os DEBIAN_12 = new Os("debian-12", "debian");
    public static final Os UBUNTU_24 = new Os("ubuntu-24.04", "ubuntu");
}

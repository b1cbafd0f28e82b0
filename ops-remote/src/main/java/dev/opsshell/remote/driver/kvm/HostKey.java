package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.DriverException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An SSH host key made before the machine (kvm setting {@code host_key_file}: the private key, its
 * public half beside it as {@code .pub}), handed to the guest by cloud-init's {@code ssh_keys}. Then
 * whoever made the key knows the guest's host key before it first answers, and can put it in
 * known_hosts instead of trusting whatever key the new machine shows. {@code type} is cloud-init's
 * name for it: {@code ed25519}, {@code ecdsa} or {@code rsa}. Never printed: toString names the type only.
 */
record HostKey(String type, String privateKey, String publicKey) {
    static HostKey read(String path) {
        if (path == null) return null;
        String pub = text(path + ".pub", "its public half");
        String type = pub.startsWith("ssh-ed25519 ") ? "ed25519"
                : pub.startsWith("ecdsa-sha2-") ? "ecdsa"
                : pub.startsWith("ssh-rsa ") ? "rsa" : null;
        if (type == null || pub.contains("\n")) {
            throw new DriverException("kvm setting host_key_file: " + path + ".pub is not one ed25519, ecdsa or rsa"
                    + " public key line; make the pair with ssh-keygen -t ed25519 -N '' -f " + path);
        }
        String key = text(path, "the private host key");
        if (!key.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----")) {
            throw new DriverException("kvm setting host_key_file: " + path + " is not a private key in OpenSSH's"
                    + " format; make one without a passphrase (sshd reads it at boot) with ssh-keygen -t ed25519 -N '' -f " + path);
        }
        return new HostKey(type, key + "\n", pub);
    }

    private static String text(String path, String what) {
        try {
            return Files.readString(Path.of(path)).strip();
        } catch (IOException e) {
            throw new DriverException("kvm setting host_key_file: cannot read " + what + " " + path + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "HostKey[" + type + "]"; // never the private key
    }
}

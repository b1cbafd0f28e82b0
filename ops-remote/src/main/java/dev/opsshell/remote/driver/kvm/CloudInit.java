package dev.opsshell.remote.driver.kvm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.system.Machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A machine's cloud-init NoCloud data: user-data (hostname, the machine's user with sudo and the
 * operator's public key) and meta-data (instance-id = the system id, so cloud-init runs once per
 * system). No network-config: the image's own DHCP set-up is used (a wildcard match in
 * network-config breaks ifupdown). {@code locale: C.UTF-8} keeps {@code cloud-init status --wait}
 * from ending in error on images without locales; ed25519 host keys alone save ~20 s of an
 * emulated guest's boot; a host key made beforehand ({@link HostKey}) goes in as {@code ssh_keys}. Written with Jackson's YAML writer, so odd values are quoted correctly.
 * Public: the aws driver sends the same user-data as EC2 user data.
 */
public record CloudInit(String userData, String metaData) {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    public static CloudInit of(Machine m, String publicKey) {
        return of(m, publicKey, null);
    }

    /** With a host key made beforehand ({@code ssh_keys}), or none ({@code hostKey} null: the guest makes its own). */
    static CloudInit of(Machine m, String publicKey, HostKey hostKey) {
        Map<String, Object> user = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hostname", m.hostname());
        if (m.domain() != null && !m.domain().isBlank()) data.put("fqdn", m.fqdn());
        data.put("manage_etc_hosts", true);
        data.put("locale", "C.UTF-8");
        data.put("ssh_genkeytypes", List.of("ed25519"));
        if (hostKey != null) {
            Map<String, Object> keys = new LinkedHashMap<>();
            keys.put(hostKey.type() + "_private", hostKey.privateKey());
            keys.put(hostKey.type() + "_public", hostKey.publicKey());
            data.put("ssh_keys", keys);
        }
        if (m.user() != null && !m.user().isBlank()) {
            user.put("name", m.user());
            user.put("shell", "/bin/bash");
            user.put("sudo", "ALL=(ALL) NOPASSWD:ALL");
            if (publicKey != null) user.put("ssh_authorized_keys", List.of(publicKey));
            data.put("users", List.of("default", user));
        } else if (publicKey != null) {
            data.put("ssh_authorized_keys", List.of(publicKey));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("instance-id", m.id());
        meta.put("local-hostname", m.hostname());
        return new CloudInit("#cloud-config\n" + yaml(data), yaml(meta));
    }

    /** The one-line public key in {@code path}; refuses a private key (it must never leave this machine). */
    public static String readPublicKey(String path) {
        return readPublicKey(path, "kvm");
    }

    /** As {@link #readPublicKey(String)}, the errors naming the {@code kind} section's setting ({@code aws}). */
    public static String readPublicKey(String path, String kind) {
        if (path == null) return null;
        String text;
        try {
            text = Files.readString(Path.of(path)).trim();
        } catch (IOException e) {
            throw new DriverException(kind + " setting ssh_key_file: cannot read " + path + " (" + e.getMessage()
                    + "); give the path of a public key, e.g. ~/.ssh/id_ed25519.pub", e);
        }
        if (text.contains("PRIVATE KEY")) {
            throw new DriverException(kind + " setting ssh_key_file: " + path + " is a private key; give its public half (.pub)");
        }
        if (!text.matches("(ssh-|ecdsa-|sk-)\\S+ \\S+.*") || text.contains("\n")) {
            throw new DriverException(kind + " setting ssh_key_file: " + path + " is not one OpenSSH public key line"
                    + " (ssh-ed25519 AAAA… comment)");
        }
        return text;
    }

    private static String yaml(Map<String, Object> value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new DriverException("writing cloud-init data failed: " + e.getMessage(), e);
        }
    }
}

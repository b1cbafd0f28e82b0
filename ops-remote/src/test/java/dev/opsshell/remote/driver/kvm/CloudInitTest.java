package dev.opsshell.remote.driver.kvm;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.testing.Requirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudInitTest {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTestsOnly ops@test";

    private static Machine machine(String user) {
        return new Machine("k3x9q2m7ta", "web1", "example.org", user, "debian-12", 1, 512, List.of(), null, "web",
                null, MachineState.NEW, DriverSection.of("kvm", Map.of()), null, null, null);
    }

    @SuppressWarnings("unchecked")
    @Test
    void userDataSetsHostnameUserKeyLocaleAndEd25519HostKeysOnly() throws Exception {
        CloudInit data = CloudInit.of(machine("deploy"), KEY);
        assertTrue(data.userData().startsWith("#cloud-config\n"), data.userData());
        Map<String, Object> user = new YAMLMapper().readValue(data.userData(), Map.class);
        assertEquals("web1", user.get("hostname"));
        assertEquals("web1.example.org", user.get("fqdn"));
        assertEquals("C.UTF-8", user.get("locale"));
        assertEquals(List.of("ed25519"), user.get("ssh_genkeytypes"));
        List<Object> users = (List<Object>) user.get("users");
        Map<String, Object> deploy = (Map<String, Object>) users.get(1);
        assertEquals("deploy", deploy.get("name"));
        assertEquals(List.of(KEY), deploy.get("ssh_authorized_keys"));
        assertFalse(user.containsKey("network"), "no network-config: the image's own DHCP set-up is kept");
        Map<String, Object> meta = new YAMLMapper().readValue(data.metaData(), Map.class);
        assertEquals("k3x9q2m7ta", meta.get("instance-id"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aValueYamlWouldReadAsSomethingElseStaysAString() throws Exception {
        Map<String, Object> user = new YAMLMapper().readValue(CloudInit.of(machine("yes"), null).userData(), Map.class);
        assertEquals("yes", ((Map<String, Object>) ((List<Object>) user.get("users")).get(1)).get("name"));
    }

    @Test
    void theKeyFileMustBeOnePublicKey(@TempDir Path dir) throws Exception {
        Path pub = Files.writeString(dir.resolve("id.pub"), KEY + "\n");
        assertEquals(KEY, CloudInit.readPublicKey(pub.toString()));
        Path priv = Files.writeString(dir.resolve("id"), "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----\n");
        DriverException e = assertThrows(DriverException.class, () -> CloudInit.readPublicKey(priv.toString()));
        assertTrue(e.getMessage().contains("is a private key; give its public half (.pub)"), e.getMessage());
        assertFalse(e.getMessage().contains("b3Blbn"), "the key itself is never printed");
        DriverException missing = assertThrows(DriverException.class, () -> CloudInit.readPublicKey(dir.resolve("none.pub").toString()));
        assertTrue(missing.getMessage().contains("cannot read"), missing.getMessage());
    }

    @Test
    void theIsoIsLabelledCidataAndHoldsUserDataAndMetaData() throws Exception {
        Requirements.require(Requirements.onPath("genisoimage") && Requirements.onPath("isoinfo"),
                "genisoimage (with isoinfo): apt-get install -y genisoimage");
        CloudInit data = CloudInit.of(machine("deploy"), KEY);
        Path iso = Files.createTempFile("cidata", ".iso");
        try {
            Files.write(iso, new CloudInitIso().build(data));
            assertTrue(run("isoinfo", "-d", "-i", iso.toString()).contains("Volume id: cidata"));
            assertEquals(data.userData(), run("isoinfo", "-R", "-i", iso.toString(), "-x", "/user-data"));
            assertEquals(data.metaData(), run("isoinfo", "-R", "-i", iso.toString(), "-x", "/meta-data"));
        } finally {
            Files.deleteIfExists(iso);
        }
    }

    @Test
    void aMissingGenisoimageSaysHowToInstallIt() {
        DriverException e = assertThrows(DriverException.class,
                () -> new CloudInitIso("genisoimage-not-installed").build(CloudInit.of(machine("deploy"), KEY)));
        assertTrue(e.getMessage().contains("genisoimage-not-installed is not installed"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install -y genisoimage"), e.getMessage());
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }
}

package dev.opsshell.remote.driver.kvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.testing.Requirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A host key made beforehand reaches the guest through cloud-init's ssh_keys, exactly as written. */
class CloudInitHostKeyTest {
    @TempDir
    Path dir;

    private final Machine machine = new Machine("k1a2b3c4d5", "web1", null, "ops", "debian", 1, 512, List.of(), null,
            null, null, null, DriverSection.of("kvm", Map.of()), null, null, null);

    @Test
    void theHostKeyPairGoesIntoUserDataAsSshKeys() throws Exception {
        Requirements.require(Requirements.onPath("ssh-keygen"), "ssh-keygen makes the test key: apt-get install -y openssh-client");
        Path key = dir.resolve("host_ed25519");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).start();
        assertEquals(0, p.waitFor());

        HostKey hostKey = HostKey.read(key.toString());
        CloudInit data = CloudInit.of(machine, null, hostKey);

        assertTrue(data.userData().startsWith("#cloud-config\n"));
        JsonNode keys = new YAMLMapper().readTree(data.userData()).get("ssh_keys");
        assertEquals(Files.readString(key).strip() + "\n", keys.get("ed25519_private").asText());
        assertEquals(Files.readString(Path.of(key + ".pub")).strip(), keys.get("ed25519_public").asText());
        assertEquals("HostKey[ed25519]", hostKey.toString());
    }

    @Test
    void withoutAHostKeyTheGuestMakesItsOwn() throws Exception {
        JsonNode data = new YAMLMapper().readTree(CloudInit.of(machine, null).userData());
        assertFalse(data.has("ssh_keys"));
        assertEquals("ed25519", data.get("ssh_genkeytypes").get(0).asText());
    }

    @Test
    void aMissingOrWrongHostKeyFileIsRefusedWithoutShowingItsContent() throws Exception {
        DriverException missing = assertThrows(DriverException.class, () -> HostKey.read(dir.resolve("none").toString()));
        assertTrue(missing.getMessage().contains("cannot read its public half"), missing.getMessage());

        Path notAKey = dir.resolve("secret");
        Files.writeString(notAKey, "hunter2-not-a-key");
        Files.writeString(Path.of(notAKey + ".pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps test\n");
        DriverException wrong = assertThrows(DriverException.class, () -> HostKey.read(notAKey.toString()));
        assertTrue(wrong.getMessage().contains("is not a private key in OpenSSH's format"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("hunter2"), wrong.getMessage());
    }
}

package dev.opsshell.agent.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CurveKeysTest {

    @Test
    void aKeypairIsCreatedOnceInAPrivateDirectoryAndReadBackAfter(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("keys");
        CurveKeys first = CurveKeys.loadOrCreate(dir, "agent");
        CurveKeys again = CurveKeys.loadOrCreate(dir, "agent");
        assertEquals(first, again);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("agent.key"))));
        assertEquals(first.publicKey(), Files.readString(dir.resolve("agent.pub")).strip());
    }

    @Test
    void aKeyThatIsNotFortyCharactersOfZ85IsRefusedWithItsPurpose() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CurveKeys.requireKey("short", "hub key"));
        assertEquals("hub key must be a 40-character Z85 CURVE key, was 'short'", e.getMessage());
    }

    @Test
    void aSecretKeyFileOthersCanReadIsRefusedWithTheCommandThatFixesIt(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("keys");
        CurveKeys.loadOrCreate(dir, "hub");
        Path secret = dir.resolve("hub.key");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> CurveKeys.loadOrCreate(dir, "hub"));
        assertTrue(e.getMessage().contains("chmod 600 " + secret), e.getMessage());
        assertFalse(e.getMessage().contains(Files.readString(secret).strip()), "the secret itself is never printed");
    }
}

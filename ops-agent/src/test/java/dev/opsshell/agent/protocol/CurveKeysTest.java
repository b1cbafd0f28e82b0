package dev.opsshell.agent.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
        try (var files = Files.list(dir)) {
            assertEquals(Set.of("agent.key", "agent.pub"), files.map(f -> f.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()), "no temporary file is left behind");
        }
    }

    @Test
    void thePublicKeyComputedFromASecretIsTheOneGeneratedWithIt() {
        for (int i = 0; i < 20; i++) {
            CurveKeys pair = CurveKeys.generate();
            assertEquals(pair, CurveKeys.ofSecret(pair.secretKey()));
        }
    }

    @Test
    void aKeyThatIsNotFortyCharactersOfZ85IsRefusedWithItsPurposeButNotItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CurveKeys.requireKey("short", "hub key"));
        assertEquals("hub key must be a 40-character Z85 CURVE key; it has 5 characters", e.getMessage());
        String secret = CurveKeys.generate().secretKey(); // given by mistake, with a typo
        String typo = secret.substring(0, 30) + "~" + secret.substring(31);
        e = assertThrows(IllegalArgumentException.class, () -> CurveKeys.requireKey(typo, "hub key"));
        assertEquals("hub key must be a 40-character Z85 CURVE key; its character 31 is not a Z85 character", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CurveKeys.requireKey(secret + "\n", "hub key"));
        assertNoSecretIn(e.getMessage(), secret);
    }

    @Test
    void aSecretKeyFileOthersCanReadIsRefusedWithTheCommandThatFixesIt(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("keys");
        CurveKeys.loadOrCreate(dir, "hub");
        Path secret = dir.resolve("hub.key");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> CurveKeys.loadOrCreate(dir, "hub"));
        assertTrue(e.getMessage().contains("chmod 600 " + secret), e.getMessage());
        assertNoSecretIn(e.getMessage(), Files.readString(secret).strip());
    }

    @Test
    void aKeyDirectoryThatExistsIsUsedAsItIsNeverChmodded(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("keys"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        CurveKeys.loadOrCreate(dir, "agent");
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void aKeyDirectoryOthersCanWriteIsRefusedWithTheCommandThatFixesIt(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("keys"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> CurveKeys.loadOrCreate(dir, "agent"));
        assertTrue(e.getMessage().contains("chmod 700 " + dir), e.getMessage());
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), "left as it was");
        assertFalse(Files.exists(dir.resolve("agent.key")), "no key is written where others could swap it");
    }

    @Test
    void noErrorAboutAMalformedOrUnreadableSecretKeyShowsTheKey(@TempDir Path tmp) throws Exception {
        String secret = CurveKeys.generate().secretKey();
        List<byte[]> contents = List.of(
                (secret + "x").getBytes(StandardCharsets.US_ASCII),                     // one character too many
                (secret.substring(0, 20) + "~" + secret.substring(21)).getBytes(StandardCharsets.US_ASCII), // not Z85
                (secret.substring(0, 39) + "\u00e9").getBytes(StandardCharsets.ISO_8859_1), // not ASCII
                (secret.substring(0, 20) + "\n" + secret.substring(20)).getBytes(StandardCharsets.US_ASCII));
        int i = 0;
        for (byte[] content : contents) {
            Path dir = Files.createDirectory(tmp.resolve("keys" + i++));
            Files.write(dir.resolve("agent.key"), content);
            Files.setPosixFilePermissions(dir.resolve("agent.key"), PosixFilePermissions.fromString("rw-------"));
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> CurveKeys.loadOrCreate(dir, "agent"));
            assertNoSecretIn(e.getMessage(), secret);
            assertTrue(e.getMessage().contains(dir.resolve("agent.key").toString()), e.getMessage());
        }
        Path unreadable = Files.createDirectory(tmp.resolve("unreadable"));
        Files.createDirectory(unreadable.resolve("agent.key")); // a directory where the key file should be
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> CurveKeys.loadOrCreate(unreadable, "agent"));
        assertTrue(e.getMessage().contains("agent.key"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new CurveKeys(CurveKeys.generate().publicKey(), secret + "x"));
        assertNoSecretIn(bad.getMessage(), secret);
    }

    @Test
    void aMissingPublicKeyFileIsWrittenAgainAndAForeignOneIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("keys");
        CurveKeys keys = CurveKeys.loadOrCreate(dir, "hub");
        Files.delete(dir.resolve("hub.pub"));
        assertEquals(keys, CurveKeys.loadOrCreate(dir, "hub"));
        assertEquals(keys.publicKey(), Files.readString(dir.resolve("hub.pub")).strip());
        String other = CurveKeys.generate().publicKey();
        Files.writeString(dir.resolve("hub.pub"), other + "\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> CurveKeys.loadOrCreate(dir, "hub"));
        assertTrue(e.getMessage().contains("delete " + dir.resolve("hub.pub")), e.getMessage());
        assertEquals(other, Files.readString(dir.resolve("hub.pub")).strip(), "never overwritten");
    }

    @Test
    void manyCreatorsAtOnceAllEndWithTheSameKeypair(@TempDir Path tmp) throws Exception {
        int creators = 16;
        ExecutorService pool = Executors.newFixedThreadPool(creators);
        try {
            for (int round = 0; round < 25; round++) {
                Path dir = tmp.resolve("keys" + round);
                CyclicBarrier start = new CyclicBarrier(creators);
                List<Future<CurveKeys>> all = new ArrayList<>();
                for (int c = 0; c < creators; c++) {
                    all.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return CurveKeys.loadOrCreate(dir, "hub");
                    }));
                }
                Set<CurveKeys> seen = new HashSet<>();
                for (Future<CurveKeys> f : all) seen.add(f.get(60, TimeUnit.SECONDS));
                assertEquals(1, seen.size(), "creators in " + dir + " ended with different keys: " + seen);
                assertEquals(seen.iterator().next(), CurveKeys.loadOrCreate(dir, "hub"), "and the files hold that pair");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** No run of 8 characters of the secret key appears in the message. */
    static void assertNoSecretIn(String message, String secret) {
        for (int i = 0; i + 8 <= secret.length(); i++) {
            assertFalse(message.contains(secret.substring(i, i + 8)), "the secret key shows in: " + message);
        }
    }
}

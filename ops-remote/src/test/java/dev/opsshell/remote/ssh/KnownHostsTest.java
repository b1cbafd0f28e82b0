package dev.opsshell.remote.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnownHostsTest {
    @TempDir
    Path tmp;

    private static PublicKey newKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair().getPublic();
    }

    @Test
    void aKeyIsUnknownUntilAddedAndThenKnownUnderItsBracketedName() throws Exception {
        KnownHosts known = new KnownHosts(tmp.resolve("sub/known_hosts"));
        PublicKey key = newKey();
        assertEquals(KnownHosts.Verdict.UNKNOWN, known.check("10.0.0.1", 2222, key));
        known.add("10.0.0.1", 2222, key);
        assertEquals(KnownHosts.Verdict.KNOWN, known.check("10.0.0.1", 2222, key));
        assertEquals(KnownHosts.Verdict.UNKNOWN, known.check("10.0.0.1", 22, key), "another port is another entry");
        assertTrue(Files.readString(tmp.resolve("sub/known_hosts")).startsWith("[10.0.0.1]:2222 ecdsa-sha2-nistp256 "));
    }

    @Test
    void anotherKeyOfTheSameTypeForAKnownHostIsChanged() throws Exception {
        KnownHosts known = new KnownHosts(tmp.resolve("known_hosts"));
        known.add("web", 22, newKey());
        assertEquals(KnownHosts.Verdict.CHANGED, known.check("web", 22, newKey()));
    }

    @Test
    void concurrentAcceptsAppendEveryKeyExactlyOnce() throws Exception {
        Path file = tmp.resolve("known_hosts");
        KnownHosts known = new KnownHosts(file);
        PublicKey key = newKey();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String host = "10.0.1." + (i % 50);
                done.add(pool.submit(() -> new HostKeyCheck(known, true).verify(host, 22, key)));
            }
            for (Future<Boolean> f : done) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(50, lines.size());
        assertEquals(50, lines.stream().distinct().count());
    }

    @Test
    void theRefusalOfAnUnknownKeySaysItIsUnknownSoTheTransportAddsHowToAcceptIt() throws Exception {
        HostKeyCheck check = new HostKeyCheck(new KnownHosts(tmp.resolve("known_hosts")), false);
        assertFalse(check.verify("db", 2200, newKey()));
        assertTrue(check.unknown(), "unknown, not changed: accepting it is the fix");
        assertTrue(check.refusal().startsWith("the host key of db:2200 ("), check.refusal());
        assertTrue(check.refusal().endsWith(". Check the fingerprint, then accept it"), check.refusal());
        assertTrue(check.refusal().contains("ECDSA SHA256:") || check.refusal().contains("SHA256:"), check.refusal());
    }

    @Test
    void hashedAndWildcardEntriesMatchAndLinesForOtherHostsAreNeverDecoded() throws Exception {
        PublicKey key = newKey();
        Path file = tmp.resolve("known_hosts");
        KnownHosts writer = new KnownHosts(file);
        writer.add("db1", 22, key);
        String plain = Files.readString(file).strip();
        String blob = plain.substring(plain.indexOf(' ') + 1);
        // OpenSSH's hashed form of "db1" with this salt, computed the way ssh-keygen -H does
        byte[] salt = new byte[20];
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(salt, "HmacSHA1"));
        String hashed = "|1|" + java.util.Base64.getEncoder().encodeToString(salt) + "|"
                + java.util.Base64.getEncoder().encodeToString(mac.doFinal("db1".getBytes())) + " " + blob;
        Files.writeString(file, String.join("\n",
                "# a comment",
                "elsewhere ssh-ed25519 THIS-IS-NOT-BASE64",
                hashed,
                "*.lab " + blob,
                ""));
        KnownHosts known = new KnownHosts(file);
        assertEquals(KnownHosts.Verdict.KNOWN, known.check("db1", 22, key), "hashed entry");
        assertEquals(KnownHosts.Verdict.KNOWN, known.check("web.lab", 22, key), "wildcard entry");
        assertEquals(List.of("ecdsa-sha2-nistp256"), known.algorithms("db1", 22));
        assertEquals(KnownHosts.Verdict.CHANGED, known.check("web.lab", 22, newKey()));
    }
}

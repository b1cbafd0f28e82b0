package dev.opsshell.agent.protocol;

import com.neilalexander.jnacl.crypto.curve25519;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ops' curve25519 (the JDK's X25519) gives jnacl's results: compared with the class in the jnacl
 * jar itself, loaded on its own, and with RFC 7748's test vectors.
 */
class Curve25519Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void opsCurve25519IsTheOneLoaded() {
        assertEquals("jdk-x25519", curve25519.OPS_PATCH);
    }

    @Test
    void everyResultIsJnaclsForKeysACurvePeerCanHold() throws Exception {
        try (URLClassLoader jar = new URLClassLoader(new URL[] {jnaclJar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> original = jar.loadClass("com.neilalexander.jnacl.crypto.curve25519");
            assertTrue(Arrays.stream(original.getFields()).noneMatch(f -> f.getName().equals("OPS_PATCH")));
            Method mult = original.getMethod("crypto_scalarmult", byte[].class, byte[].class, byte[].class);
            Method base = original.getMethod("crypto_scalarmult_base", byte[].class, byte[].class);
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < 500; i++) {
                byte[] secret = new byte[32];
                byte[] point = new byte[32];
                random.nextBytes(secret);
                random.nextBytes(point);
                point[31] &= 0x7f; // a public key is below 2^255 (jnacl and RFC 7748 differ above)
                byte[] expected = new byte[32];
                byte[] actual = new byte[32];
                mult.invoke(null, expected, secret, point);
                curve25519.crypto_scalarmult(actual, secret, point);
                assertArrayEquals(expected, actual, () -> "n=" + HEX.formatHex(secret) + " p=" + HEX.formatHex(point));
                base.invoke(null, expected, secret);
                curve25519.crypto_scalarmult_base(actual, secret);
                assertArrayEquals(expected, actual, () -> "base, n=" + HEX.formatHex(secret));
            }
        }
    }

    @Test
    void rfc7748TestVectors() {
        // RFC 7748, 5.2
        assertEquals("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552", mult(
                "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
                "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"));
        // the u-coordinate's top bit is set here: RFC 7748 (and libsodium) ignore it, jnacl did not
        assertEquals("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957", mult(
                "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
                "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"));
        // RFC 7748, 6.1: Alice's and Bob's keys, and their shared secret
        String alice = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
        String bob = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
        assertEquals("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", base(alice));
        assertEquals("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", base(bob));
        assertEquals("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", mult(alice, base(bob)));
        assertEquals("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", mult(bob, base(alice)));
    }

    @Test
    void aPointOfSmallOrderGivesZerosAsJnaclDid() {
        assertEquals("00".repeat(32), mult("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", "00".repeat(32)));
        assertEquals("00".repeat(32), mult("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
                "01" + "00".repeat(31)));
    }

    private static String mult(String n, String p) {
        byte[] q = new byte[32];
        assertEquals(0, curve25519.crypto_scalarmult(q, HEX.parseHex(n), HEX.parseHex(p)));
        return HEX.formatHex(q);
    }

    private static String base(String n) {
        byte[] q = new byte[32];
        assertEquals(0, curve25519.crypto_scalarmult_base(q, HEX.parseHex(n)));
        return HEX.formatHex(q);
    }

    /** The jnacl jar on this test's class path. */
    private static Path jnaclJar() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> Path.of(p).getFileName().toString().startsWith("jnacl-")).map(Path::of).findFirst()
                .orElseThrow(() -> new AssertionError("no jnacl jar on the class path"));
    }
}

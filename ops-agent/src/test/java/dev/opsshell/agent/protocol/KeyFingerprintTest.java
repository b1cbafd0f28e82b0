package dev.opsshell.agent.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyFingerprintTest {
    /** Z85 of 32 zero bytes; its SHA-256 is a published vector (python3: hashlib.sha256(bytes(32))). */
    private static final String ZERO_KEY = "0".repeat(40);

    @Test
    void aFingerprintIsTheBase64OfTheSha256OfTheKeysRawBytesAsOpenSshWritesIt() {
        assertEquals("SHA256:Zmh6rfhivXdsj8GLjp+OIAiXFIVu4jOzkCpZHQ1fKSU", KeyFingerprint.of(ZERO_KEY));
    }

    @Test
    void differentKeysHaveDifferentFingerprintsAndTheSameKeyAlwaysTheSame() {
        String a = CurveKeys.generate().publicKey();
        String b = CurveKeys.generate().publicKey();
        assertEquals(KeyFingerprint.of(a), KeyFingerprint.of(a));
        assertNotEquals(KeyFingerprint.of(a), KeyFingerprint.of(b));
        assertEquals(50, KeyFingerprint.of(a).length(), "SHA256: and 43 base64 characters");
    }

    @Test
    void aFingerprintAsAnOperatorTypesItMatchesButAnotherKeysDoesNot() {
        String key = CurveKeys.generate().publicKey();
        String fp = KeyFingerprint.of(key);
        assertTrue(KeyFingerprint.matches(fp, key));
        assertTrue(KeyFingerprint.matches("  " + fp + "\n", key));
        assertTrue(KeyFingerprint.matches(fp.substring("SHA256:".length()), key), "the prefix may be left out");
        assertTrue(KeyFingerprint.matches("sha256:" + fp.substring(7), key));
        assertFalse(KeyFingerprint.matches(fp.toLowerCase(), key), "base64 is case-sensitive");
        assertFalse(KeyFingerprint.matches(KeyFingerprint.of(CurveKeys.generate().publicKey()), key));
        assertFalse(KeyFingerprint.matches(null, key));
    }

    @Test
    void somethingThatIsNotAKeyHasNoFingerprint() {
        assertThrows(IllegalArgumentException.class, () -> KeyFingerprint.of("short"));
    }
}

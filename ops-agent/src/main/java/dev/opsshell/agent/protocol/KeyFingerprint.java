package dev.opsshell.agent.protocol;

import org.zeromq.ZMQ;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The fingerprint an operator compares to tell one CURVE public key from another:
 * {@code SHA256:} followed by the unpadded base64 of the SHA-256 of the key's 32 raw bytes (the
 * bytes the Z85 text encodes), as OpenSSH prints host keys. The agent logs its own on start
 * ({@code --print-key} prints it too); {@code ops keys list} shows the hub's side.
 * <pre>{@code
 * KeyFingerprint.of("rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7") // "SHA256:…" (43 base64 characters)
 * }</pre>
 */
public final class KeyFingerprint {
    public static final String PREFIX = "SHA256:";

    private KeyFingerprint() {
    }

    /** The fingerprint of a 40-character Z85 public key. */
    public static String of(String z85PublicKey) {
        CurveKeys.requireKey(z85PublicKey, "public key");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ZMQ.Curve.z85Decode(z85PublicKey));
            return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java runtime must have", e);
        }
    }

    /**
     * Whether {@code given} (as an operator typed it: surrounding blanks and a missing or
     * lower-case {@code sha256:} prefix are forgiven, the base64 itself must match exactly) names
     * the key.
     */
    public static boolean matches(String given, String z85PublicKey) {
        return given != null && normal(given).equals(of(z85PublicKey));
    }

    private static String normal(String given) {
        String s = given.strip();
        if (s.toUpperCase(Locale.ROOT).startsWith(PREFIX)) s = s.substring(PREFIX.length());
        return PREFIX + s;
    }
}

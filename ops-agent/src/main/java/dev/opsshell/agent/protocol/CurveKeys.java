package dev.opsshell.agent.protocol;

import com.neilalexander.jnacl.crypto.curve25519;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A CurveZMQ keypair in Z85 text, kept as two files in a key directory: {@code NAME.key} (the
 * secret key, mode 0600) and {@code NAME.pub} (the public key, to give to the other side).
 * {@link #loadOrCreate} makes both on first use; processes doing that at the same moment all end
 * up with the same keypair ({@link KeyFiles}). No message ever shows a secret key.
 *
 * @param publicKey the 40-character Z85 public key
 * @param secretKey the 40-character Z85 secret key
 */
public record CurveKeys(String publicKey, String secretKey) {
    /** The 85 characters of ZeroMQ's Z85 encoding (RFC 32). */
    private static final String Z85 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

    public CurveKeys {
        requireKey(publicKey, "publicKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (!isKey(secretKey)) throw new IllegalArgumentException("secretKey must be a 40-character Z85 CURVE key");
    }

    public static CurveKeys generate() {
        ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
        return new CurveKeys(pair.publicKey, pair.secretKey);
    }

    /** The keypair of a secret key: its public key is computed from it. */
    public static CurveKeys ofSecret(String secretKey) {
        Objects.requireNonNull(secretKey, "secretKey");
        if (!isKey(secretKey)) throw new IllegalArgumentException("secretKey must be a 40-character Z85 CURVE key");
        byte[] pub = new byte[ZMQ.Curve.KEY_SIZE];
        curve25519.crypto_scalarmult_base(pub, ZMQ.Curve.z85Decode(secretKey));
        return new CurveKeys(ZMQ.Curve.z85Encode(pub), secretKey);
    }

    /**
     * Reads {@code dir/NAME.key}, creating the directory (0700) and a new keypair if there is none.
     * The public key file is written from the secret key when it is missing.
     */
    public static CurveKeys loadOrCreate(Path dir, String name) {
        Path secret = dir.resolve(name + ".key");
        try {
            KeyFiles.privateDir(dir);
            if (!secret.toFile().exists()) KeyFiles.createSecret(secret, generate().secretKey());
            CurveKeys keys = ofSecret(KeyFiles.readSecret(secret));
            KeyFiles.publicFile(dir.resolve(name + ".pub"), keys.publicKey(), secret);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the CURVE keypair '" + name + "' in " + dir
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes {@code dir} (and parents) readable only by its owner when it does not exist yet; an
     * existing one is left as it is, and refused if others can write to it.
     */
    public static void createPrivateDir(Path dir) throws IOException {
        KeyFiles.privateDir(dir);
    }

    /** True when {@code key} is 40 characters of Z85, the text form of a CURVE key. */
    public static boolean isKey(String key) {
        return key != null && key.length() == 40 && firstNonZ85(key) < 0;
    }

    /**
     * Checks that {@code key} is a 40-character Z85 CURVE key and returns it. The message says what
     * is wrong without showing the value: a secret key given by mistake (or a file holding one)
     * must not end up on a terminal or in a log.
     */
    public static String requireKey(String key, String what) {
        Objects.requireNonNull(key, what);
        if (isKey(key)) return key;
        String wrong = key.length() != 40 ? "it has " + key.length() + " characters"
                : "its character " + (firstNonZ85(key) + 1) + " is not a Z85 character";
        throw new IllegalArgumentException(what + " must be a 40-character Z85 CURVE key; " + wrong);
    }

    /** The index of the first character that is not Z85, or -1. */
    private static int firstNonZ85(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (Z85.indexOf(key.charAt(i)) < 0) return i;
        }
        return -1;
    }

    public byte[] publicBytes() {
        return ZMQ.Curve.z85Decode(publicKey);
    }

    public byte[] secretBytes() {
        return ZMQ.Curve.z85Decode(secretKey);
    }

    @Override
    public String toString() {
        return "CurveKeys[public=" + publicKey + "]";
    }
}

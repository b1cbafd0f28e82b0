package dev.opsshell.remote.ssh;

import net.i2p.crypto.eddsa.EdDSAPrivateKey;
import net.i2p.crypto.eddsa.spec.EdDSANamedCurveTable;
import net.i2p.crypto.eddsa.spec.EdDSAPrivateKeySpec;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SSHRuntimeException;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads the most common private key, an unencrypted ed25519 key in OpenSSH's format, without
 * sshj's general key reader: merely loading that reader makes the JVM load a BouncyCastle class
 * and so verify BouncyCastle's signed jar, which costs about 150 ms of CPU on every cold start.
 * Any other key (with a passphrase, RSA, ECDSA, PEM, PuTTY) gives {@code null}, and the caller uses
 * sshj's reader. Produces the same key objects as sshj.
 */
final class PlainEd25519Key {
    private static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private PlainEd25519Key() {
    }

    /** The key pair, or null when the text is not an unencrypted OpenSSH ed25519 key. */
    static KeyPair read(String text) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) return null;
        byte[] blob = null;
        byte[] section = null;
        byte[] secret = null;
        try {
            blob = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
            if (blob.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(blob, MAGIC.length), MAGIC)) return null;
            Buffer.PlainBuffer b = new Buffer.PlainBuffer(blob);
            b.rpos(MAGIC.length);
            if (!"none".equals(b.readString()) || !"none".equals(b.readString())) return null; // cipher, kdf
            b.readBytes(); // kdf options, empty without a kdf
            if (b.readUInt32AsInt() != 1) return null;
            byte[] pubBlob = b.readBytes();
            if (!"ssh-ed25519".equals(new Buffer.PlainBuffer(pubBlob).readString())) return null;
            PublicKey pub = new Buffer.PlainBuffer(pubBlob).readPublicKey();
            section = b.readBytes();
            Buffer.PlainBuffer p = new Buffer.PlainBuffer(section);
            if (p.readUInt32AsInt() != p.readUInt32AsInt()) return null; // check integers differ: corrupt, let sshj say so
            if (KeyType.fromString(p.readString()) != KeyType.ED25519) return null;
            p.readBytes(); // the public key again
            secret = p.readBytes(); // 32-byte seed followed by the 32-byte public key
            if (secret.length != 64) return null;
            EdDSAPrivateKey priv = new EdDSAPrivateKey(new EdDSAPrivateKeySpec(Arrays.copyOf(secret, 32),
                    EdDSANamedCurveTable.getByName("Ed25519")));
            return new KeyPair(pub, priv);
        } catch (IllegalArgumentException | Buffer.BufferException | SSHRuntimeException e) {
            return null; // not base64 or truncated: sshj's reader gives the real message
        } finally {
            if (blob != null) Arrays.fill(blob, (byte) 0);
            if (section != null) Arrays.fill(section, (byte) 0);
            if (secret != null) Arrays.fill(secret, (byte) 0);
        }
    }
}

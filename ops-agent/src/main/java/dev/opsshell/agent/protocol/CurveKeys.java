package dev.opsshell.agent.protocol;

import org.zeromq.ZMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A CurveZMQ keypair in Z85 text, kept as two files in a directory only its owner can read:
 * {@code NAME.pub} (the public key, to give to the other side) and {@code NAME.key} (the secret
 * key, mode 0600). {@link #loadOrCreate} makes both on first use.
 *
 * @param publicKey the 40-character Z85 public key
 * @param secretKey the 40-character Z85 secret key
 */
public record CurveKeys(String publicKey, String secretKey) {

    public CurveKeys {
        requireKey(publicKey, "publicKey");
        requireKey(secretKey, "secretKey");
    }

    public static CurveKeys generate() {
        ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
        return new CurveKeys(pair.publicKey, pair.secretKey);
    }

    /** Reads {@code dir/NAME.key} and {@code .pub}, creating the directory (0700) and a new pair if absent. */
    public static CurveKeys loadOrCreate(Path dir, String name) {
        Path secret = dir.resolve(name + ".key");
        Path pub = dir.resolve(name + ".pub");
        try {
            if (Files.exists(secret)) {
                requirePrivate(secret);
                String s = Files.readString(secret, StandardCharsets.US_ASCII).strip();
                if (!Files.exists(pub)) {
                    throw new IOException(pub + " is missing next to " + secret + "; restore it or delete both"
                            + " to make a new keypair (the other side must then learn the new public key)");
                }
                return new CurveKeys(Files.readString(pub, StandardCharsets.US_ASCII).strip(), s);
            }
            createPrivateDir(dir);
            CurveKeys keys = generate();
            writeSecret(secret, keys.secretKey);
            Files.writeString(pub, keys.publicKey + "\n", StandardCharsets.US_ASCII);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the CURVE keypair '" + name + "' in " + dir
                    + ": " + e.getMessage() + "; check the directory's owner and permissions", e);
        }
    }

    /** Makes {@code dir} (and parents) readable only by its owner. */
    public static void createPrivateDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory keeps its default permissions
        }
    }

    /** Refuses a secret key file that others may read, as OpenSSH refuses a private key with open permissions. */
    private static void requirePrivate(Path secret) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(secret);
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system: nothing to check
        }
        Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        open.retainAll(perms);
        if (!open.isEmpty()) {
            throw new IOException(secret + " (the secret key) can be read or written by others (mode "
                    + PosixFilePermissions.toString(perms) + "); run `chmod 600 " + secret + "`, and make a new"
                    + " keypair if someone else may have copied it");
        }
    }

    private static void writeSecret(Path file, String key) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " appeared while creating it; another process is creating keys", e);
        }
        Files.writeString(file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Checks that {@code key} is a 40-character Z85 CURVE key and returns it. */
    public static String requireKey(String key, String what) {
        Objects.requireNonNull(key, what);
        if (key.length() != 40 || ZMQ.Curve.z85Decode(key) == null) {
            throw new IllegalArgumentException(what + " must be a 40-character Z85 CURVE key, was '" + key + "'");
        }
        return key;
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

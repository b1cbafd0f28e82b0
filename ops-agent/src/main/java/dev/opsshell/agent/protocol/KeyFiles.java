package dev.opsshell.agent.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The files behind a {@link CurveKeys} pair: {@code NAME.key} (the secret, 0600) and {@code NAME.pub}
 * in a key directory. Creation is safe against other processes doing the same at the same moment:
 * the secret is written to a private temporary file and hard-linked to its name, which fails if the
 * name exists, so exactly one creator wins and every other one reads the winner's key. The public
 * key file is derived from the secret, so anyone may (re)write it with the same content.
 */
final class KeyFiles {
    private static final Set<PosixFilePermission> OPEN_FILE = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
    private static final Set<PosixFilePermission> OPEN_DIR = EnumSet.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private KeyFiles() {
    }

    /**
     * Creates {@code dir} (and missing parents) readable only by its owner. A directory that exists
     * is never changed: one that others can write to (and so could swap the keys in) is refused with
     * the command that fixes it.
     */
    static void privateDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                return;
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir); // not a POSIX file system: default permissions
                return;
            }
        }
        Set<PosixFilePermission> perms = permissions(dir);
        if (perms != null && perms.stream().anyMatch(OPEN_DIR::contains)) {
            throw new IOException(dir + " (a key directory) can be written by others (mode "
                    + PosixFilePermissions.toString(perms) + "); run `chmod 700 " + dir + "`");
        }
    }

    /** Reads the secret key in {@code secret}, refusing a file others can read or write. */
    static String readSecret(Path secret) throws IOException {
        Set<PosixFilePermission> perms = permissions(secret);
        if (perms != null && perms.stream().anyMatch(OPEN_FILE::contains)) {
            throw new IOException(secret + " (the secret key) can be read or written by others (mode "
                    + PosixFilePermissions.toString(perms) + "); run `chmod 600 " + secret + "`, and make a new"
                    + " keypair if someone else may have copied it");
        }
        String key = new String(Files.readAllBytes(secret), StandardCharsets.ISO_8859_1).strip(); // any bytes: checked next
        if (!CurveKeys.isKey(key)) {
            throw new IOException(secret + " does not hold a CURVE secret key (40 characters of Z85); restore it,"
                    + " or delete it and its .pub to make a new keypair (the other side must then learn the new"
                    + " public key)");
        }
        return key;
    }

    /**
     * Writes a new secret key as {@code secret} unless that file exists by then; returns false when
     * another process (or thread) created it first, whose key is then the one to read.
     */
    static boolean createSecret(Path secret, String key) throws IOException {
        Path temp = secret.resolveSibling(secret.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
                .nextLong()) + ".tmp");
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temp);
        }
        try {
            Files.writeString(temp, key + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(secret, temp); // atomic, and never replaces: the first creator wins
            } catch (UnsupportedOperationException e) {
                Files.move(temp, secret); // no hard links here: refuses an existing name, not atomically
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Makes sure {@code pub} holds {@code publicKey}: written (through a temporary file and a rename)
     * when absent; a file with another key is refused rather than overwritten.
     */
    static void publicFile(Path pub, String publicKey, Path secret) throws IOException {
        if (Files.exists(pub)) {
            if (Files.readString(pub, StandardCharsets.US_ASCII).strip().equals(publicKey)) return;
            throw new IOException(pub + " does not hold the public key of " + secret + "; delete " + pub
                    + " to have it written again from the secret key");
        }
        Path temp = pub.resolveSibling(pub.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
                .nextLong()) + ".tmp");
        try {
            Files.writeString(temp, publicKey + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, pub, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The POSIX permissions of {@code path}, or null on a file system without them. */
    private static Set<PosixFilePermission> permissions(Path path) throws IOException {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }
}

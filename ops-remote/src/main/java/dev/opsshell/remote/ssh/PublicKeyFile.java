package dev.opsshell.remote.ssh;

import net.schmizz.sshj.common.Buffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The public half of a private key file, found without its passphrase, as OpenSSH finds it: from
 * {@code FILE.pub}, else from the private key itself when it is in OpenSSH's format (which keeps the
 * public key unencrypted). Used to tell whether the ssh-agent already holds a key file's key, in
 * which case the agent signs and the file is never unlocked.
 */
final class PublicKeyFile {
    private static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final long LARGEST_KEY_FILE = 64 * 1024;

    private PublicKeyFile() {
    }

    /** The key blob, or empty when neither file tells it (missing, unreadable, another format). */
    static Optional<byte[]> blob(Path privateKey) {
        Optional<byte[]> fromPub = fromPubFile(privateKey.resolveSibling(privateKey.getFileName() + ".pub"));
        return fromPub.isPresent() ? fromPub : fromOpenSshPrivateKey(privateKey);
    }

    /** {@code type base64 [comment]}. */
    static Optional<byte[]> fromPubFile(Path pub) {
        String text = readSmall(pub);
        if (text == null) return Optional.empty();
        String[] parts = text.strip().split("\\s+");
        if (parts.length < 2) return Optional.empty();
        try {
            return Optional.of(Base64.getDecoder().decode(parts[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a public key line: no match, the file is tried on its own
        }
    }

    /** The public key stored in the clear in {@code openssh-key-v1} files, encrypted or not. */
    static Optional<byte[]> fromOpenSshPrivateKey(Path file) {
        String text = readSmall(file);
        if (text == null) return Optional.empty();
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) return Optional.empty();
        try {
            byte[] data = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
            if (data.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC)) {
                return Optional.empty();
            }
            Buffer.PlainBuffer b = new Buffer.PlainBuffer(data);
            b.rpos(MAGIC.length);
            b.readString(); // cipher
            b.readString(); // kdf
            b.readBytes(); // kdf options
            if (b.readUInt32AsInt() < 1) return Optional.empty();
            return Optional.of(b.readBytes());
        } catch (IllegalArgumentException | Buffer.BufferException e) {
            return Optional.empty(); // damaged: reading the private key later gives the real message
        }
    }

    private static String readSmall(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > LARGEST_KEY_FILE) return null;
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null; // unreadable: the private key file is tried, and its error reported, on its own
        }
    }
}

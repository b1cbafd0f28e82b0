package dev.opsshell.remote.ssh;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts.KnownHostEntry;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One OpenSSH known_hosts file: answers whether a host's key is known, unknown or CHANGED
 * (plain, hashed {@code |1|…} and {@code [host]:port} entries, parsed by sshj), and appends
 * newly accepted keys. Re-reads the file when it changes on disk. Thread-safe.
 */
final class KnownHosts {

    static {
        // registers BouncyCastle with sshj before any entry is parsed: without it ecdsa entries
        // cannot be read (the JDK has no "ECDSA" key factory) and would silently not count
        SecurityUtils.isBouncyCastleRegistered();
    }

    /** What the file says about a presented key. */
    enum Verdict { KNOWN, UNKNOWN, CHANGED }

    private final Path file;
    private List<KnownHostEntry> entries = List.of();
    private FileTime readAt;
    private long readSize = -1;

    KnownHosts(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    synchronized Verdict check(String host, int port, PublicKey key) {
        reloadIfChanged();
        KeyType type = KeyType.fromKey(key);
        String name = entryName(host, port);
        boolean sawType = false;
        for (KnownHostEntry e : entries) {
            try {
                if (e.appliesTo(type, name)) {
                    sawType = true;
                    if (e.verify(key)) return Verdict.KNOWN;
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("bad entry in " + file + ": " + ex.getMessage(), ex);
            }
        }
        return sawType ? Verdict.CHANGED : Verdict.UNKNOWN;
    }

    /** Key algorithms already known for the host, so the server is asked for one of those first. */
    synchronized List<String> algorithms(String host, int port) {
        reloadIfChanged();
        List<String> known = new ArrayList<>();
        for (KnownHostEntry e : entries) {
            try {
                if (e.appliesTo(entryName(host, port)) && e.getType() != KeyType.UNKNOWN) known.add(e.getType().toString());
            } catch (IOException ex) {
                // an unreadable entry suggests nothing; check() reports it when it matters
            }
        }
        return known;
    }

    /** Appends {@code [host]:port type key} and remembers it; creates the file (and ~/.ssh) if needed. */
    synchronized void add(String host, int port, PublicKey key) {
        String line = entryName(host, port) + " " + KeyType.fromKey(key) + " "
                + Base64.getEncoder().encodeToString(blob(key)) + System.lineSeparator();
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the key of " + host + ":" + port + " to " + file + ": "
                    + e.getMessage() + "; check the file's permissions", e);
        }
        readAt = null; // re-read with the new line on the next check
    }

    /** {@code host} for port 22, {@code [host]:port} otherwise: OpenSSH's form. */
    static String entryName(String host, int port) {
        String h = host.toLowerCase();
        return port == 22 ? h : "[" + h + "]:" + port;
    }

    /** OpenSSH's fingerprint form: {@code ED25519 SHA256:base64}. */
    static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob(key));
            String type = KeyType.fromKey(key).toString().replace("ssh-", "").toUpperCase();
            return type + " SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    private void reloadIfChanged() {
        try {
            if (!Files.isRegularFile(file)) {
                entries = List.of();
                readAt = null;
                return;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (modified.equals(readAt) && size == readSize) return;
            String text = Files.readString(file, StandardCharsets.UTF_8);
            entries = List.copyOf(new OpenSSHKnownHosts(new StringReader(text)).entries());
            readAt = modified;
            readSize = size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read known hosts " + file + ": " + e.getMessage(), e);
        }
    }
}

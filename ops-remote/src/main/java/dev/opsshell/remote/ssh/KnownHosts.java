package dev.opsshell.remote.ssh;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import com.hierynomus.sshj.transport.verification.KnownHostMatchers;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One OpenSSH known_hosts file: answers whether a host's key is known, unknown or CHANGED
 * (plain, hashed {@code |1|…} and {@code [host]:port} entries, parsed by sshj), and appends
 * newly accepted keys. Re-reads the file when it changes on disk. Thread-safe.
 * <p>
 * Lines are split when the file is read, but an entry's key is decoded only when the entry names a
 * host being checked, and the entries for a host are looked up once: a fan-out to 200 hosts against
 * a file of 500 lines does 200 small look-ups, not 100,000 matches and 500 key decodings. Lines
 * that name hosts literally are indexed by name; only patterns (wildcards, negations, hashed names)
 * are matched one by one.
 */
final class KnownHosts {

    /** What the file says about a presented key. */
    enum Verdict { KNOWN, UNKNOWN, CHANGED }

    private final Path file;
    private Map<String, List<Line>> literal = Map.of();
    private List<Line> patterns = List.of();
    private final Map<String, List<Line>> byHost = new HashMap<>();
    private final Map<String, String> added = new HashMap<>();
    private FileTime readAt;
    private long readSize = -1;
    private final OpenSSHKnownHosts.EntryFactory parser;

    /** One entry line: its host patterns and key type read, its key decoded on first use. */
    private final class Line {
        final String text;
        final String hosts;
        final KeyType type;
        private KnownHostMatchers.HostMatcher matcher;
        private KnownHostEntry entry;

        Line(String text, String hosts, KeyType type) {
            this.text = text;
            this.hosts = hosts;
            this.type = type;
        }

        boolean names(String name) {
            try {
                if (matcher == null) matcher = KnownHostMatchers.createMatcher(hosts);
                return matcher.match(name);
            } catch (IOException e) {
                return false; // a pattern sshj cannot read names no host (OpenSSH skips such lines too)
            }
        }

        KnownHostEntry entry() throws IOException {
            if (entry == null) {
                if (type.toString().startsWith("ecdsa-") || text.contains("ecdsa-sha2-")) BouncyCastle.ensure();
                entry = parser.parseEntry(text);
            }
            return entry;
        }
    }

    KnownHosts(Path file) {
        this.file = file;
        try {
            this.parser = new OpenSSHKnownHosts(new StringReader("")).new EntryFactory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the known_hosts parser: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    synchronized Verdict check(String host, int port, PublicKey key) {
        KeyType type = KeyType.fromKey(key);
        boolean sawType = false;
        for (Line line : linesFor(host, port)) {
            try {
                KnownHostEntry e = line.entry();
                if (e.appliesTo(type, entryName(host, port))) {
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
        List<String> known = new ArrayList<>();
        for (Line line : linesFor(host, port)) {
            if (line.type != KeyType.UNKNOWN) known.add(line.type.toString());
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
        readSize = -1;
        added.put(entryName(host, port), fingerprint(key));
    }

    /** The fingerprint of the key {@link #add} wrote for {@code host:port} since the last call, if any. */
    synchronized java.util.Optional<String> takeAdded(String host, int port) {
        return java.util.Optional.ofNullable(added.remove(entryName(host, port)));
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

    /** The lines whose host patterns name the host, looked up once per host and file version. */
    private List<Line> linesFor(String host, int port) {
        reloadIfChanged();
        String name = entryName(host, port);
        List<Line> found = byHost.get(name);
        if (found == null) {
            found = new ArrayList<>(literal.getOrDefault(name, List.of()));
            for (Line line : patterns) if (line.names(name)) found.add(line);
            byHost.put(name, found);
        }
        return found;
    }

    private void reloadIfChanged() {
        try {
            if (!Files.isRegularFile(file)) {
                literal = Map.of();
                patterns = List.of();
                byHost.clear();
                readAt = null;
                return;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (modified.equals(readAt) && size == readSize) return;
            index(split(Files.readString(file, StandardCharsets.UTF_8)));
            byHost.clear();
            readAt = modified;
            readSize = size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read known hosts " + file + ": " + e.getMessage(), e);
        }
    }

    /** Files lines under each host they name literally; lines with any pattern are kept apart, in order. */
    private void index(List<Line> lines) {
        Map<String, List<Line>> byName = new HashMap<>();
        List<Line> other = new ArrayList<>();
        for (Line line : lines) {
            if (line.hosts.startsWith("|") || line.hosts.chars().anyMatch(c -> c == '*' || c == '?' || c == '!')) {
                other.add(line);
            } else {
                for (String name : line.hosts.split(",")) {
                    if (!name.isEmpty()) byName.computeIfAbsent(name.toLowerCase(), n -> new ArrayList<>()).add(line);
                }
            }
        }
        literal = byName;
        patterns = other;
    }

    /** Entry lines as {@code [@marker] hosts type key [comment]}; comments and blank lines dropped. */
    private List<Line> split(String text) {
        List<Line> out = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String t = raw.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] f = t.split("\\s+", 4);
            int at = f[0].startsWith("@") ? 1 : 0;
            if (f.length < at + 3) continue; // not an entry; sshj would skip it too
            out.add(new Line(t, f[at], KeyType.fromString(f[at + 1])));
        }
        return List.copyOf(out);
    }
}

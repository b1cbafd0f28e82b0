package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.AgentName;
import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.KeyFingerprint;
import dev.opsshell.agent.protocol.PeerText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The hub's allow-list of public keys, kept as files the way salt-key keeps minion keys:
 * {@code DIR/accepted/NAME}, {@code DIR/pending/NAME} and {@code DIR/rejected/NAME}, each holding one
 * Z85 public key (41 bytes). An agent whose key is accepted may register under that name; an unknown
 * key is recorded as pending with the name it asked for; a rejected key is refused at the handshake.
 * Names starting with {@code @} are shell clients of a standalone hub, not agents.
 *
 * <p>A name never takes a key's place: a key filed under a name (pending, accepted or rejected) is
 * never replaced by another key asking for that name ({@link Enrolment.NameTaken}); only an
 * operator's {@link #allow} or {@link #delete} frees it. The pending area holds at most
 * {@code maxPending} keys ({@link Enrolment.Full} past that), so a flood of unknown keys fills
 * neither the disk nor the listing. Accepting may name the key's {@link KeyFingerprint fingerprint},
 * so what is accepted is the key the operator compared, not whatever holds the name by then.
 *
 * <p>The files are the truth: {@code ops keys accept web1} in another process is seen at the next
 * lookup (directories are re-read when their modification time changes). Thread-safe.
 */
public final class KeyStore {
    /** Pending keys kept at most, unless the hub is configured otherwise. */
    public static final int DEFAULT_MAX_PENDING = 1000;

    /** Where a key stands. */
    public enum State { ACCEPTED, PENDING, REJECTED }

    /** One key: the name it is filed under, the key, and its state. */
    public record Entry(String name, String key, State state) {
        public boolean isClient() {
            return name.startsWith("@");
        }

        /** The key's fingerprint, {@code SHA256:…}, as the agent prints it in its log. */
        public String fingerprint() {
            return KeyFingerprint.of(key);
        }

        /** How the shell echoes it: {@code agent-one accepted SHA256:3q2+7w…}. */
        @Override
        public String toString() {
            return name + " " + state.name().toLowerCase(Locale.ROOT) + " " + fingerprint();
        }
    }

    private final Path dir;
    private final int maxPending;
    private final Map<State, Long> seen = new HashMap<>();
    private Map<String, Entry> byKey = Map.of();
    private List<Entry> entries = List.of();

    public KeyStore(Path dir) {
        this(dir, DEFAULT_MAX_PENDING);
    }

    /** A store in {@code dir} that files at most {@code maxPending} unknown keys. */
    public KeyStore(Path dir, int maxPending) {
        if (maxPending < 1) throw new IllegalArgumentException("maxPending must be at least 1, was " + maxPending);
        this.dir = dir;
        this.maxPending = maxPending;
        try {
            CurveKeys.createPrivateDir(dir);
            for (State s : State.values()) Files.createDirectories(folder(s));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key store in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public int maxPending() {
        return maxPending;
    }

    /** Keys pending now. */
    public synchronized int pendingCount() {
        refresh();
        return (int) entries.stream().filter(e -> e.state() == State.PENDING).count();
    }

    /** Every key, accepted first, then pending, then rejected, by name. */
    public synchronized List<Entry> list() {
        refresh();
        return entries;
    }

    /** The entry for a public key, if the store has it. */
    public synchronized Optional<Entry> byKey(String key) {
        refresh();
        return Optional.ofNullable(byKey.get(key));
    }

    public synchronized Optional<Entry> byName(String name) {
        refresh();
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * Files an unknown key as pending under the name it asked for, unless the key is known already
     * (then it keeps its name), another key holds the name, or the pending area is full. A name
     * that is not a valid file-safe name ({@link AgentName}) is an {@link IllegalArgumentException}.
     */
    public synchronized Enrolment addPending(String name, String key) {
        AgentName.check(name);
        CurveKeys.requireKey(key, "key for " + name);
        Optional<Entry> known = byKey(key);
        if (known.isPresent()) return new Enrolment.Known(known.get());
        Optional<Entry> holder = byName(name);
        if (holder.isPresent()) return new Enrolment.NameTaken(name, key, holder.get());
        if (pendingCount() >= maxPending) return new Enrolment.Full(maxPending);
        if (write(State.PENDING, name, key, true)) return new Enrolment.Filed(new Entry(name, key, State.PENDING));
        seen.clear(); // another process filed this name just now: read what it wrote
        Entry other = byName(name).orElseThrow(() -> new IllegalStateException("pending/" + name
                + " appeared and vanished while filing it; try again"));
        return other.key().equals(key) ? new Enrolment.Known(other) : new Enrolment.NameTaken(name, key, other);
    }

    /** Accepts a key directly under a name (deploying an agent, authorising a shell client). */
    public synchronized Entry allow(String name, String key) {
        CurveKeys.requireKey(key, "key for " + name);
        for (State s : State.values()) delete(s, checkName(name));
        byKey(key).ifPresent(e -> delete(e.state(), e.name()));
        write(State.ACCEPTED, name, key);
        return new Entry(name, key, State.ACCEPTED);
    }

    /** Moves a pending (or rejected) key to accepted: that agent may register from now on. */
    public synchronized Entry accept(String name) {
        return accept(name, null);
    }

    /**
     * Accepts the key filed under {@code name} only if its fingerprint is {@code fingerprint} (null
     * accepts whatever key is filed there); a different key is an {@link IllegalArgumentException}
     * that says which fingerprint is filed, and nothing changes.
     */
    public synchronized Entry accept(String name, String fingerprint) {
        Entry e = byName(checkName(name)).orElseThrow(() -> missing(name));
        if (fingerprint != null && !KeyFingerprint.matches(fingerprint, e.key())) {
            throw new IllegalArgumentException("the key " + e.state().name().toLowerCase(Locale.ROOT) + " for '" + name
                    + "' has fingerprint " + e.fingerprint() + ", not " + PeerText.clean(fingerprint.strip(), 80)
                    + "; nothing was accepted. Compare with the fingerprint the agent logs on start"
                    + " (`ops-agent --print-key` prints it); if it is not your agent's, `ops keys reject " + name + "`");
        }
        return move(e, State.ACCEPTED);
    }

    /** Moves a key to rejected: its holder is refused at the handshake from now on. */
    public synchronized Entry reject(String name) {
        return move(byName(checkName(name)).orElseThrow(() -> missing(name)), State.REJECTED);
    }

    /** Forgets a key wherever it is filed; its holder shows up as pending again if it reconnects. */
    public synchronized Entry delete(String name) {
        Entry e = byName(checkName(name)).orElseThrow(() -> missing(name));
        delete(e.state(), name);
        return e;
    }

    private Entry move(Entry e, State to) {
        String name = e.name();
        if (e.state() == to) return e;
        delete(to, name);
        write(to, name, e.key());
        delete(e.state(), name);
        return new Entry(name, e.key(), to);
    }

    private IllegalArgumentException missing(String name) {
        return new IllegalArgumentException("no key named '" + name + "' in " + dir
                + "; `ops keys list` (or agents()) shows the names");
    }

    private void refresh() {
        boolean changed = seen.isEmpty();
        for (State s : State.values()) {
            long m = modified(folder(s));
            if (!Long.valueOf(m).equals(seen.put(s, m))) changed = true;
        }
        if (!changed) return;
        List<Entry> all = new ArrayList<>();
        for (State s : State.values()) {
            try (Stream<Path> files = Files.list(folder(s))) {
                // only names the store itself could have written: a stray file is not a key
                files.filter(f -> Files.isRegularFile(f) && AgentName.valid(f.getFileName().toString()))
                        .sorted(Comparator.comparing(Path::toString)).forEach(f -> {
                    String key = read(f);
                    if (key != null) all.add(new Entry(f.getFileName().toString(), key, s));
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder(s) + ": " + e.getMessage(), e);
            }
        }
        install(all);
    }

    /** Makes {@code all} the current entries, in state then name order, and indexes them by key. */
    private void install(List<Entry> all) {
        List<Entry> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(Entry::state).thenComparing(Entry::name));
        Map<String, Entry> index = new HashMap<>();
        for (Entry e : sorted) index.putIfAbsent(e.key(), e); // accepted wins over pending for the same key
        entries = List.copyOf(sorted);
        byKey = index;
    }

    /** Applies this store's own change to the cached entries, so 1000 changes do not re-read 1000 files each. */
    private void changed(State s, String name, String keyOrNull) {
        List<Entry> all = new ArrayList<>(entries);
        all.removeIf(e -> e.state() == s && e.name().equals(name));
        if (keyOrNull != null) all.add(new Entry(name, keyOrNull, s));
        install(all);
        seen.put(s, modified(folder(s)));
    }

    private static long modified(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            return -1; // the folder is gone; listing it will say so
        }
    }

    private static String read(Path f) {
        try {
            String k = Files.readString(f, StandardCharsets.US_ASCII).strip();
            return k.length() == 40 ? k : null;
        } catch (IOException e) {
            return null; // removed while listing: the next refresh will not see it either
        }
    }

    private void write(State s, String name, String key) {
        write(s, name, key, false);
    }

    /** Writes a key file; with {@code onlyIfAbsent} an existing file is left alone and false returned. */
    private boolean write(State s, String name, String key, boolean onlyIfAbsent) {
        refresh(); // take in changes by other processes first: the cache is then updated, not re-read
        Path file = folder(s).resolve(name);
        try {
            if (onlyIfAbsent) {
                Files.writeString(file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            } else {
                Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
            }
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        changed(s, name, key);
        return true;
    }

    private void delete(State s, String name) {
        refresh();
        try {
            Files.deleteIfExists(folder(s).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder(s).resolve(name) + ": " + e.getMessage(), e);
        }
        changed(s, name, null);
    }

    private Path folder(State s) {
        return dir.resolve(s.name().toLowerCase());
    }

    static String checkName(String name) {
        return AgentName.check(name);
    }
}

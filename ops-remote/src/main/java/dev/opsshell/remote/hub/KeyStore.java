package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.CurveKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The hub's allow-list of public keys, kept as files the way salt-key keeps minion keys:
 * {@code DIR/accepted/NAME}, {@code DIR/pending/NAME} and {@code DIR/rejected/NAME}, each holding one
 * Z85 public key. An agent whose key is accepted may register under that name; an unknown key is
 * recorded as pending with the name it asked for; a rejected key is refused at the handshake.
 * Names starting with {@code @} are shell clients of a standalone hub, not agents.
 *
 * <p>The files are the truth: {@code ops keys accept web1} in another process is seen at the next
 * lookup (directories are re-read when their modification time changes). Thread-safe.
 */
public final class KeyStore {
    /** Where a key stands. */
    public enum State { ACCEPTED, PENDING, REJECTED }

    /** One key: the name it is filed under, the key, and its state. */
    public record Entry(String name, String key, State state) {
        public boolean isClient() {
            return name.startsWith("@");
        }

        /** How the shell echoes it: {@code agent-one accepted (key NOwkO>%z…)}. */
        @Override
        public String toString() {
            return name + " " + state.name().toLowerCase(java.util.Locale.ROOT) + " (key " + key.substring(0, Math.min(8, key.length())) + "…)";
        }
    }

    private final Path dir;
    private final Map<State, Long> seen = new HashMap<>();
    private Map<String, Entry> byKey = Map.of();
    private List<Entry> entries = List.of();

    public KeyStore(Path dir) {
        this.dir = dir;
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

    /** Files an unknown key as pending under the name it asked for (a later key for that name replaces it). */
    public synchronized Entry addPending(String name, String key) {
        Optional<Entry> known = byKey(key);
        if (known.isPresent()) return known.get();
        write(State.PENDING, checkName(name), key);
        return new Entry(name, key, State.PENDING);
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
        return move(name, State.ACCEPTED);
    }

    /** Moves a key to rejected: its holder is refused at the handshake from now on. */
    public synchronized Entry reject(String name) {
        return move(name, State.REJECTED);
    }

    /** Forgets a key wherever it is filed; its holder shows up as pending again if it reconnects. */
    public synchronized Entry delete(String name) {
        Entry e = byName(checkName(name)).orElseThrow(() -> missing(name));
        delete(e.state(), name);
        return e;
    }

    private Entry move(String name, State to) {
        Entry e = byName(checkName(name)).orElseThrow(() -> missing(name));
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
                files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).forEach(f -> {
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
        refresh(); // take in changes by other processes first: the cache is then updated, not re-read
        try {
            Files.writeString(folder(s).resolve(name), key + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder(s).resolve(name) + ": " + e.getMessage(), e);
        }
        changed(s, name, key);
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
        if (name == null || !name.matches("@?[A-Za-z0-9][A-Za-z0-9._@-]{0,127}")) {
            throw new IllegalArgumentException("'" + name + "' is not a valid agent name: use letters, digits, '.', '_', "
                    + "'-' (a leading '@' marks a shell client)");
        }
        return name;
    }
}

package dev.opsshell.core.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The inventory a shell works with, kept in step with its files: {@link #changed()} tells, by the
 * files' modification times and sizes (the inventory file or directory, and the {@code group_vars/}
 * and {@code host_vars/} beside it), whether an edit happened since the last look, so the shell can
 * read it again at the next line. Where the inventory is looked for again each time, so an
 * {@code ~/.ops/inventory} created while the shell runs is found too. Not thread-safe: the shell's
 * evaluation thread owns it.
 * <pre>{@code
 * InventoryWatch watch = new InventoryWatch(() -> InventoryLoader.locate(flag));
 * Inventory inv = watch.load();
 * if (watch.changed()) inv = watch.load();   // an InventoryException keeps the previous one
 * }</pre>
 */
public final class InventoryWatch {
    private final Supplier<Optional<Path>> locate;
    private List<Stamp> seen = List.of();

    /** A file's identity for change detection. */
    private record Stamp(Path file, long modifiedNanos, long size) {
    }

    /** @param locate where the inventory is now (empty: none, localhost only); may throw InventoryException */
    public InventoryWatch(Supplier<Optional<Path>> locate) {
        this.locate = locate;
    }

    /** Reads the inventory now and remembers its files as seen; throws {@link InventoryException} when it does not read. */
    public Inventory load() {
        Optional<Path> where;
        try {
            where = locate.get();
        } catch (InventoryException e) {
            seen = List.of();
            throw e;
        }
        seen = stamps(where); // before reading: an edit made while reading is seen next time
        return where.map(InventoryLoader::load).orElseGet(Inventory::localOnly);
    }

    /** True when the inventory's files changed (or appeared, or went away) since the last {@link #load()}. */
    public boolean changed() {
        Optional<Path> where;
        try {
            where = locate.get();
        } catch (InventoryException e) {
            return !seen.isEmpty(); // the file named by --inventory went away: said once, by load()
        }
        return !stamps(where).equals(seen);
    }

    /** Where the inventory is read from, for messages: its path, or that there is none. */
    public String where() {
        try {
            return locate.get().map(Path::toString).orElse("(no inventory file: localhost only)");
        } catch (InventoryException e) {
            return e.getMessage();
        }
    }

    private static List<Stamp> stamps(Optional<Path> where) {
        if (where.isEmpty() || !Files.exists(where.get())) return List.of();
        Path p = where.get().toAbsolutePath();
        Path base = Files.isDirectory(p) ? p : p.getParent();
        List<Stamp> out = new ArrayList<>();
        addTree(out, p, 1);
        addTree(out, base.resolve("group_vars"), 4);
        addTree(out, base.resolve("host_vars"), 4);
        return out;
    }

    private static void addTree(List<Stamp> out, Path root, int depth) {
        if (!Files.exists(root)) return;
        try (Stream<Path> files = Files.walk(root, depth)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> out.add(stamp(f)));
        } catch (IOException | UncheckedIOException e) {
            out.add(new Stamp(root, -1, -1)); // unreadable now: a change, read again to say why
        }
    }

    private static Stamp stamp(Path f) {
        try {
            return new Stamp(f, Files.getLastModifiedTime(f).toInstant().getEpochSecond() * 1_000_000_000L
                    + Files.getLastModifiedTime(f).toInstant().getNano(), Files.size(f));
        } catch (IOException e) {
            return new Stamp(f, -1, -1);
        }
    }
}

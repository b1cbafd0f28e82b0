package dev.opsshell.shell.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The operator's own operations, kept in {@code .jsh} files rather than only in the prompt's
 * memory: every {@code *.jsh} of the library folders, folder by folder and in name order within
 * one, is loaded into the session's JShell at start, and loaded again when it changes
 * ({@link #reload()}: on {@code /reload} or when a watcher sees it saved). Only the snippets that
 * changed are evaluated again, so variables, results, connections and running work stay; a file
 * that no longer compiles leaves its previous definitions in place and is reported as
 * {@code file:line}. {@link #open(Path)} adds one file by hand. Thread-safe: all work happens
 * under the evaluator's lock.
 * <pre>{@code
 * Library lib = evaluator.library();
 * lib.load(Library.folders(home, inventory));   // at start
 * lib.reload().text();                           // after an edit: "reloaded ~/.ops/lib/web.jsh: replaced method restart(Hosts)"
 * }</pre>
 */
public final class Library {
    /** Where a library lives beside the inventory, and under {@code ~/.ops}. */
    public static final String FOLDER = "lib";

    /**
     * What a load did, as lines for the operator.
     *
     * @param changes  one line per file that was (re)loaded, saying what it defined or replaced
     * @param problems a {@code file:line: error …} text per file that did not load, and warnings
     */
    public record Report(List<String> changes, List<String> problems) {
        static final Report NONE = new Report(List.of(), List.of());

        public Report {
            changes = List.copyOf(changes);
            problems = List.copyOf(problems);
        }

        public boolean isEmpty() {
            return changes.isEmpty() && problems.isEmpty();
        }

        /** Every line, changes first. */
        public String text() {
            return String.join("\n", Stream.concat(changes.stream(), problems.stream()).toList());
        }

        Report plus(Report other) {
            return new Report(Stream.concat(changes.stream(), other.changes.stream()).toList(),
                    Stream.concat(problems.stream(), other.problems.stream()).toList());
        }
    }

    private final Evaluator evaluator;
    private final List<Path> folders = new ArrayList<>();
    private final Set<Path> opened = new LinkedHashSet<>();
    private final Map<Path, LibraryFile> files = new LinkedHashMap<>();
    private volatile Runnable directoriesChanged = () -> { };

    Library(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * The library folders of a session, in load order: {@code lib/} beside the inventory (a
     * team's shared operations: next to an inventory file, or inside an inventory directory), then
     * {@code ~/.ops/lib/} (the operator's own, loaded last so its definitions win). Folders that do
     * not exist are listed too: a later {@code /reload} finds them once they do.
     */
    public static List<Path> folders(Path home, Optional<Path> inventory) {
        Set<Path> out = new LinkedHashSet<>();
        inventory.map(Path::toAbsolutePath).map(inv -> Files.isDirectory(inv) ? inv : inv.getParent())
                .ifPresent(dir -> out.add(dir.resolve(FOLDER).normalize()));
        out.add(home.toAbsolutePath().resolve(".ops").resolve(FOLDER).normalize());
        return List.copyOf(out);
    }

    /** Loads every file of {@code folders}. What a file needs from one loaded after it is fine at start. */
    public Report load(List<Path> folders) {
        return evaluator.exclusively(() -> {
            this.folders.clear();
            folders.forEach(f -> this.folders.add(f.toAbsolutePath().normalize()));
            return loadDue(false).plus(new Report(List.of(), LibraryLoad.unusable(evaluator, files.values())));
        });
    }

    /**
     * Loads again the files that changed since they were last loaded, the ones whose last load
     * failed, and new files in the folders. A file with a compile error, or that uses something
     * not defined anywhere, keeps its previous definitions.
     */
    public Report reload() {
        Report r = evaluator.exclusively(() -> loadDue(true));
        directoriesChanged.run(); // a folder may exist now that did not before
        return r;
    }

    /** Loads one file by hand ({@code /open FILE}); from then on it is reloaded with the library. */
    public Report open(Path file) {
        Path p = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            return new Report(List.of(), List.of("no file " + file + " to open; give the path of a .jsh file"));
        }
        Report r = evaluator.exclusively(() -> {
            opened.add(p);
            return load(entry(p), true);
        });
        directoriesChanged.run();
        return r;
    }

    /** Runs {@code action} whenever {@link #directories()} may have grown (a watcher watches them too). */
    public void whenDirectoriesChange(Runnable action) {
        directoriesChanged = action;
    }

    /**
     * The directories a watcher should watch: the library folders that exist, the parent of one
     * that does not yet (to see it made), and those of opened files.
     */
    public List<Path> directories() {
        return evaluator.exclusively(() -> {
            Set<Path> out = new LinkedHashSet<>();
            for (Path f : folders) {
                if (Files.isDirectory(f)) out.add(f);
                else if (f.getParent() != null && Files.isDirectory(f.getParent())) out.add(f.getParent());
            }
            opened.forEach(p -> out.add(p.getParent()));
            return List.copyOf(out);
        });
    }

    /** Whether a change to {@code path} concerns the library: a {@code .jsh} of a folder, an opened file, a folder made. */
    public boolean concerns(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return evaluator.exclusively(() -> opened.contains(p) || folders.contains(p)
                || isLibraryName(p) && folders.contains(p.getParent()));
    }

    /** The folders, as messages name them. */
    public String describeFolders() {
        return String.join(" and ", evaluator.exclusively(() -> folders.stream().map(Library::display).toList()));
    }

    private Report loadDue(boolean strict) {
        Report report = Report.NONE;
        List<String> listing = new ArrayList<>();
        for (Path p : current(listing)) report = report.plus(load(entry(p), strict));
        return report.plus(new Report(List.of(), listing));
    }

    private Report load(LibraryFile file, boolean strict) {
        Optional<String> text;
        try {
            text = file.due();
        } catch (IOException e) {
            return new Report(List.of(), List.of(file.name() + ": cannot read it: " + e.getMessage()));
        }
        return text.map(t -> new LibraryLoad(evaluator, files.values()).apply(file, t, strict)).orElse(Report.NONE);
    }

    private LibraryFile entry(Path p) {
        return files.computeIfAbsent(p, k -> new LibraryFile(k, display(k)));
    }

    /** The library's files now: each folder's {@code *.jsh} in name order, then the opened files. */
    private List<Path> current(List<String> problems) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) continue;
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(Library::isLibraryName).filter(Files::isRegularFile).sorted().forEach(out::add);
            } catch (IOException e) {
                problems.add(display(folder) + ": cannot list the library folder: " + e.getMessage());
            }
        }
        out.addAll(opened);
        return List.copyOf(out);
    }

    private static boolean isLibraryName(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString();
        return n.endsWith(".jsh") && !n.startsWith(".");
    }

    /**
     * A path as the operator reads it: {@code lib/web.jsh} inside the working directory,
     * {@code ~/.ops/lib/web.jsh} under the home directory (also when working from home or above it),
     * else absolute.
     */
    static String display(Path p) {
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        boolean inCwd = p.startsWith(cwd) && !p.equals(cwd);
        boolean inHome = p.startsWith(home) && !p.equals(home);
        if (inCwd && !(inHome && home.startsWith(cwd))) return cwd.relativize(p).toString();
        if (inHome) return "~/" + home.relativize(p);
        return p.toString();
    }
}

package dev.opsshell.shell.repl;

import jdk.jshell.Snippet;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code .jsh} file of the library and what of it is loaded: the text last read, and the
 * snippets of its last version that loaded cleanly, each with its source, the line it starts on
 * and the JShell snippets it made. A later version is compared with these snippet by snippet, so
 * only what changed is evaluated again. Used under the evaluator's lock only.
 */
final class LibraryFile {
    /** A snippet of the file as loaded: its source, its first line, and what JShell made of it. */
    record Loaded(String source, int line, List<Snippet> snippets) {
        Loaded {
            snippets = List.copyOf(snippets);
        }
    }

    private final Path path;
    private final String name;
    private String text;
    private boolean failed;
    private List<Loaded> loaded = List.of();

    LibraryFile(Path path, String name) {
        this.path = path;
        this.name = name;
    }

    Path path() {
        return path;
    }

    /** The file as messages name it ({@code ~/.ops/lib/deploy.jsh}). */
    String name() {
        return name;
    }

    /** The snippets of the last version that loaded cleanly, in file order. */
    List<Loaded> loaded() {
        return loaded;
    }

    /**
     * The file's text when it should be loaded now: it is new, it changed since last read, or its
     * last load failed (what it needed may have been fixed elsewhere). Empty when there is nothing to do.
     */
    Optional<String> due() throws IOException {
        String now = read();
        if (now == null) return Optional.empty(); // deleted: its definitions stay until /drop or /reset
        return now.equals(text) && !failed ? Optional.empty() : Optional.of(now);
    }

    private String read() throws IOException {
        try {
            return Files.readString(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
    }

    /** The version in {@code text} loaded cleanly: compare the next one with it. */
    void succeeded(String text, List<Loaded> loaded) {
        this.text = text;
        this.loaded = List.copyOf(loaded);
        this.failed = false;
    }

    /** The version in {@code text} did not load: the previous definitions stay; try again at the next reload. */
    void failed(String text) {
        this.text = text;
        this.failed = true;
    }

    /** After an undo evaluated {@code old}'s source again as {@code now}, this file refers to the new snippet. */
    void restored(Snippet old, List<Snippet> now) {
        List<Loaded> out = new ArrayList<>();
        for (Loaded l : loaded) {
            if (!l.snippets().contains(old)) {
                out.add(l);
                continue;
            }
            List<Snippet> s = new ArrayList<>(l.snippets());
            s.remove(old);
            s.addAll(now);
            out.add(new Loaded(l.source(), l.line(), s));
        }
        loaded = List.copyOf(out);
    }

    /** The loaded snippet that made {@code s}, if this file made it. */
    Optional<Loaded> madeOf(Snippet s) {
        return loaded.stream().filter(l -> l.snippets().contains(s)).findFirst();
    }
}

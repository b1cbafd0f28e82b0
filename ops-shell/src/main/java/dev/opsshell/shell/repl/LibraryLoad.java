package dev.opsshell.shell.repl;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads one version of a library file into JShell as one unit: the snippets that differ from the
 * version loaded before are evaluated in file order; if one does not compile (or, on a reload,
 * uses something defined nowhere) everything this attempt changed is undone — what it added is
 * dropped, what it overwrote is evaluated again from its old source — and the error is reported
 * as {@code file:line}. JShell alone cannot do that: a method that fails to compile still
 * overwrites the old one of the same signature. Called under the evaluator's lock.
 */
final class LibraryLoad {
    private static final int LISTED = 3;
    private static final Pattern NAME = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)\\s*(\\(.*)?$");

    private final Evaluator evaluator;
    private final JShell jshell;
    private final Collection<LibraryFile> files;

    LibraryLoad(Evaluator evaluator, Collection<LibraryFile> files) {
        this.evaluator = evaluator;
        this.jshell = evaluator.jshell();
        this.files = files;
    }

    Library.Report apply(LibraryFile file, String text, boolean strict) {
        SourcePieces.Cut cut = SourcePieces.cut(evaluator.analysis(), text);
        if (!cut.problems().isEmpty()) {
            SourcePieces.Problem p = cut.problems().get(0);
            file.failed(text);
            return failure(file, file.name() + ":" + p.line() + ": " + p.message());
        }
        boolean first = file.loaded().isEmpty();
        List<LibraryFile.Loaded> before = new ArrayList<>(file.loaded());
        List<LibraryFile.Loaded> next = new ArrayList<>();
        List<SnippetEvent> events = new ArrayList<>();
        List<String> exceptions = new ArrayList<>();
        List<LibraryFile.Loaded> kept = new ArrayList<>();
        for (SourcePieces.Piece p : cut.pieces()) {
            Optional<LibraryFile.Loaded> same = before.stream().filter(l -> l.source().equals(p.source())).findFirst();
            if (same.isPresent()) { // unchanged: not evaluated again, only moved
                before.remove(same.get());
                LibraryFile.Loaded moved = new LibraryFile.Loaded(p.source(), p.line(), same.get().snippets());
                kept.add(moved);
                next.add(moved);
                continue;
            }
            Evaluator.Evaluated r = evaluator.evaluate(p.source(), new Evaluator.Origin(file.name(), p.line()));
            events.addAll(r.events());
            next.add(new LibraryFile.Loaded(p.source(), p.line(), made(r.events())));
            int line = p.line() + Math.max(0, r.reply().line() - 1);
            if (r.reply().status() == Reply.Status.COMPILE_ERROR) {
                return undone(file, text, events, file.name() + ":" + line + ": " + r.reply().error());
            }
            if (r.reply().status() == Reply.Status.EXCEPTION) exceptions.add(file.name() + ":" + line + ": " + r.reply().error());
        }
        if (strict) {
            Optional<String> missing = firstUnresolved(file.name(), next, events);
            if (missing.isPresent()) return undone(file, text, events, missing.get());
        }
        for (LibraryFile.Loaded l : kept) {
            l.snippets().forEach(s -> evaluator.origin(s.id(), new Evaluator.Origin(file.name(), l.line())));
        }
        file.succeeded(text, next);
        List<String> problems = new ArrayList<>(exceptions);
        if (strict) problems.addAll(unusable(evaluator, files, dependents(events)));
        return new Library.Report(List.of((first ? "loaded " : "reloaded ") + file.name() + ": " + describe(events)), problems);
    }

    private Library.Report undone(LibraryFile file, String text, List<SnippetEvent> events, String error) {
        file.failed(text);
        List<String> lines = new ArrayList<>(List.of(error));
        lines.addAll(undo(events));
        return failure(file, String.join("\n", lines));
    }

    private static Library.Report failure(LibraryFile file, String error) {
        return new Library.Report(List.of(), List.of(error + "\n" + file.name() + " not loaded: "
                + (file.loaded().isEmpty() ? "nothing of it is defined" : "its previous definitions stay")));
    }

    /** Drops what the events made, evaluates what they overwrote again; returns what could not be restored. */
    private List<String> undo(List<SnippetEvent> events) {
        Set<Snippet> made = identitySet(made(events));
        List<Snippet> overwritten = new ArrayList<>();
        for (SnippetEvent e : events) {
            if (e.status() == Snippet.Status.OVERWRITTEN && !made.contains(e.snippet()) && !overwritten.contains(e.snippet())) {
                overwritten.add(e.snippet());
            }
        }
        for (Snippet s : made) if (jshell.status(s).isActive()) jshell.drop(s);
        List<String> lost = new ArrayList<>();
        for (Snippet old : overwritten) {
            Evaluator.Evaluated r = evaluator.evaluate(old.source(), originOf(old));
            List<Snippet> now = made(r.events());
            files.forEach(f -> f.restored(old, now));
            if (r.reply().failed()) lost.add("could not restore " + old.source().strip().lines().findFirst().orElse("") + ": " + r.reply().error());
        }
        return lost;
    }

    private Evaluator.Origin originOf(Snippet s) {
        for (LibraryFile f : files) {
            Optional<LibraryFile.Loaded> l = f.madeOf(s);
            if (l.isPresent()) return new Evaluator.Origin(f.name(), l.get().line());
        }
        return null;
    }

    /** On a reload, the first snippet of this attempt that uses something defined nowhere, as an error at its line. */
    private Optional<String> firstUnresolved(String name, List<LibraryFile.Loaded> next, List<SnippetEvent> events) {
        Set<Snippet> made = identitySet(made(events));
        for (LibraryFile.Loaded l : next) {
            for (Snippet s : l.snippets()) {
                if (!made.contains(s) || !(s instanceof DeclarationSnippet d) || !unresolved(s)) continue;
                String what = jshell.unresolvedDependencies(d).findFirst().orElse("a definition");
                return Optional.of(name + ":" + (l.line() + lineOf(l.source(), what) - 1) + ": error: cannot find " + what);
            }
        }
        return Optional.empty();
    }

    /** Warnings for library snippets among {@code candidates} (all when null) that cannot be used: they need what is not defined. */
    static List<String> unusable(Evaluator evaluator, Collection<LibraryFile> files, Collection<Snippet> candidates) {
        JShell js = evaluator.jshell();
        List<String> out = new ArrayList<>();
        for (LibraryFile f : files) {
            for (LibraryFile.Loaded l : f.loaded()) {
                for (Snippet s : l.snippets()) {
                    if (candidates != null && !candidates.contains(s)) continue;
                    if (!(s instanceof DeclarationSnippet d) || !js.status(s).isActive() || js.status(s) == Snippet.Status.VALID) continue;
                    String what = js.unresolvedDependencies(d).findFirst().orElse("what it uses");
                    out.add(f.name() + ":" + (l.line() + lineOf(l.source(), what) - 1) + ": warning: " + d.name()
                            + " cannot be used until " + what + " is defined");
                }
            }
        }
        return out;
    }

    static List<String> unusable(Evaluator evaluator, Collection<LibraryFile> files) {
        return unusable(evaluator, files, null);
    }

    private boolean unresolved(Snippet s) {
        Snippet.Status st = jshell.status(s);
        return st == Snippet.Status.RECOVERABLE_DEFINED || st == Snippet.Status.RECOVERABLE_NOT_DEFINED;
    }

    /** Snippets elsewhere that this load changed (updated for a new signature, or made unusable). */
    private static Set<Snippet> dependents(List<SnippetEvent> events) {
        Set<Snippet> out = identitySet(List.of());
        events.stream().filter(e -> e.causeSnippet() != null).forEach(e -> out.add(e.snippet()));
        return out;
    }

    /** "replaced method restart(Hosts), created record Check"; variables JShell had to reset are named. */
    private String describe(List<SnippetEvent> events) {
        List<String> what = new ArrayList<>();
        int statements = 0;
        for (SnippetEvent e : events) {
            Snippet s = e.snippet();
            if (e.causeSnippet() != null) {
                if (s instanceof VarSnippet v && e.status() == Snippet.Status.VALID && e.previousStatus() == Snippet.Status.VALID) {
                    what.add("reset variable " + v.name() + " (its type or what it was made from changed shape)");
                }
                continue;
            }
            switch (s.kind()) {
                case METHOD, TYPE_DECL -> what.add(Declarations.describe(jshell, e));
                case VAR -> what.add("defined variable " + ((VarSnippet) s).name());
                case IMPORT -> what.add(s.source().strip());
                default -> statements++;
            }
        }
        if (statements > 0) what.add("ran " + statements + (statements == 1 ? " statement" : " statements"));
        if (what.isEmpty()) return "nothing changed";
        if (what.size() <= LISTED + 1) return String.join(", ", what);
        return String.join(", ", what.subList(0, LISTED)) + " and " + (what.size() - LISTED) + " more";
    }

    /** The snippets an evaluation made (not the ones it only updated or overwrote). */
    private static List<Snippet> made(List<SnippetEvent> events) {
        return events.stream().filter(e -> e.causeSnippet() == null).map(SnippetEvent::snippet).distinct().toList();
    }

    private static Set<Snippet> identitySet(Collection<Snippet> of) {
        Set<Snippet> s = Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(of);
        return s;
    }

    /** The 1-based line in {@code source} where the name in JShell's "method restrat(Hosts)" first appears; 1 when not found. */
    static int lineOf(String source, String dependency) {
        String words = dependency.contains(" ") ? dependency.substring(dependency.indexOf(' ') + 1) : dependency;
        Matcher m = NAME.matcher(words.strip());
        if (!m.find()) return 1;
        Matcher at = Pattern.compile("\\b" + Pattern.quote(m.group(1)) + "\\b").matcher(source);
        if (!at.find()) return 1;
        return (int) source.substring(0, at.start()).chars().filter(c -> c == '\n').count() + 1;
    }
}

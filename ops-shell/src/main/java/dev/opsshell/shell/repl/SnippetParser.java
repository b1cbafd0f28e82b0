package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;
import dev.opsshell.core.metrics.Family;
import dev.opsshell.core.notify.NotifySettings;
import dev.opsshell.core.schedule.ActionKinds;
import dev.opsshell.core.schedule.ScheduleState;
import dev.opsshell.remote.schedule.SessionSchedules;
import dev.opsshell.remote.fleet.SessionFleet;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Tells JLine when typed Java is finished (Enter on an unfinished snippet opens a continuation
 * line instead of evaluating) and what word Tab is completing: inventory names inside
 * {@code hosts("…}, type names and system ids from the store inside {@code type("…} and
 * {@code system("…} ({@link SystemsCompletion}), metric, schedule, action and setting names
 * ({@link VocabularyCompletion}), a shell command after '/', otherwise what JShell's
 * source analysis suggests.
 */
public final class SnippetParser implements Parser {
    private final Supplier<Evaluator> evaluator;

    public SnippetParser(Supplier<Evaluator> evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE) {
            if (!ScriptRunner.isCommand(line) && evaluator.get().split(line).unfinished()) {
                throw new EOFError(-1, -1, "the snippet is not finished");
            }
            return new Line(line, cursor, cursor, List.of());
        }
        if (context == ParseContext.COMPLETE) return completing(line, cursor);
        return new Line(line, cursor, cursor, List.of());
    }

    private Line completing(String line, int cursor) {
        Optional<HostCompletion.Candidates> hosts = HostCompletion.at(line, cursor, Session.current().inventory());
        if (hosts.isPresent()) {
            List<Suggestion> s = new ArrayList<>();
            hosts.get().groups().forEach(g -> s.add(new Suggestion(g, "groups")));
            hosts.get().hosts().forEach(h -> s.add(new Suggestion(h, "hosts")));
            return new Line(line, cursor, hosts.get().anchor(), s);
        }
        Optional<SystemsCompletion.Candidates> stored = storedNames(line, cursor);
        if (stored.isPresent()) {
            List<Suggestion> s = new ArrayList<>();
            stored.get().values().forEach(v -> s.add(new Suggestion(v, stored.get().group())));
            return new Line(line, cursor, stored.get().anchor(), s);
        }
        Optional<VocabularyCompletion.Candidates> named = vocabulary(line, cursor);
        if (named.isPresent()) {
            List<Suggestion> s = new ArrayList<>();
            named.get().values().forEach(v -> s.add(new Suggestion(v, named.get().group())));
            return new Line(line, cursor, named.get().anchor(), s);
        }
        if (line.startsWith("/") && !line.substring(0, cursor).contains(" ")) {
            List<Suggestion> s = new ArrayList<>();
            Commands.names().forEach(n -> s.add(new Suggestion(n, null)));
            return new Line(line, cursor, 0, s);
        }
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> found = evaluator.get().completions(line, cursor, anchor);
        Set<String> seen = new LinkedHashSet<>();
        List<Suggestion> s = new ArrayList<>();
        for (SourceCodeAnalysis.Suggestion f : found) {
            if (seen.add(f.continuation())) s.add(new Suggestion(f.continuation(), null));
        }
        return new Line(line, cursor, Math.max(0, Math.min(anchor[0], cursor)), s);
    }

    /** Type names or system ids from the store; none when the store cannot be opened (Tab must not fail). */
    private static Optional<SystemsCompletion.Candidates> storedNames(String line, int cursor) {
        try {
            return SystemsCompletion.at(line, cursor, () -> SessionFleet.current().store());
        } catch (RuntimeException e) {
            return Optional.of(new SystemsCompletion.Candidates(cursor, List.of(), "the store cannot be read: " + e.getMessage()));
        }
    }

    /** Metric names, schedule names (this shell's and the store's), action kinds, notify settings; none if they cannot be read. */
    private static Optional<VocabularyCompletion.Candidates> vocabulary(String line, int cursor) {
        VocabularyCompletion.Names names = new VocabularyCompletion.Names(
                () -> Arrays.stream(Family.values()).map(Family::word).toList(),
                () -> SessionSchedules.list(Session.current(), true).stream().map(ScheduleState::name).toList(),
                ActionKinds::names,
                NotifySettings::keys);
        try {
            return VocabularyCompletion.at(line, cursor, names);
        } catch (RuntimeException e) {
            return Optional.of(new VocabularyCompletion.Candidates(cursor, List.of(), "the names cannot be read: " + e.getMessage()));
        }
    }

    /** One completion candidate and the group it is listed under (null for none). */
    public record Suggestion(String value, String group) {
    }

    /** The parsed line: the whole buffer, the word being completed and its candidates. */
    public static final class Line implements CompletingParsedLine {
        private final String line;
        private final int cursor;
        private final int anchor;
        private final List<Suggestion> suggestions;

        public Line(String line, int cursor, int anchor, List<Suggestion> suggestions) {
            this.line = line;
            this.cursor = cursor;
            this.anchor = anchor;
            this.suggestions = List.copyOf(suggestions);
        }

        public List<Suggestion> suggestions() {
            return suggestions;
        }

        @Override
        public String word() {
            return line.substring(anchor, cursor);
        }

        @Override
        public int wordCursor() {
            return cursor - anchor;
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word());
        }

        @Override
        public String line() {
            return line;
        }

        @Override
        public int cursor() {
            return cursor;
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate; // Java needs no shell-style escaping
        }

        @Override
        public int rawWordCursor() {
            return wordCursor();
        }

        @Override
        public int rawWordLength() {
            return word().length();
        }
    }
}

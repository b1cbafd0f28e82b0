package dev.opsshell.shell.repl;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion inside the strings of the fleet's-memory vocabulary, where the names are a short
 * known list: metric names after {@code metrics("}, schedule names after {@code stopSchedule("},
 * stored action kinds after {@code action("}, notify settings after {@code notifySetting("}.
 * Each list is asked for only when the cursor sits in its string (schedule names read the store).
 */
final class VocabularyCompletion {
    private static final Pattern OPEN = Pattern.compile("\\b(metrics|stopSchedule|action|notifySetting)\\(\\s*\"([^\"]*)$");

    /** Where the names come from, by the method whose string is being typed. */
    record Names(Supplier<? extends Collection<String>> metrics, Supplier<? extends Collection<String>> schedules,
                 Supplier<? extends Collection<String>> actionKinds, Supplier<? extends Collection<String>> notifyKeys) {
        private Map<String, Supplier<? extends Collection<String>>> byMethod() {
            return Map.of("metrics", metrics, "stopSchedule", schedules, "action", actionKinds, "notifySetting", notifyKeys);
        }
    }

    /**
     * @param anchor where the word being completed starts in the line
     * @param values the names that start with that word, in the list's order
     * @param group  what they are ({@code metrics}, {@code schedules}, …)
     */
    record Candidates(int anchor, List<String> values, String group) {
        Candidates {
            values = List.copyOf(values);
        }
    }

    private static final Map<String, String> GROUPS = Map.of("metrics", "metrics", "stopSchedule", "schedules",
            "action", "stored action kinds", "notifySetting", "notify settings");

    private VocabularyCompletion() {
    }

    /** Candidates when the cursor sits inside one of those strings, else empty (no list is asked for then). */
    static Optional<Candidates> at(String line, int cursor, Names names) {
        Matcher m = OPEN.matcher(line.substring(0, Math.min(cursor, line.length())));
        if (!m.find()) return Optional.empty();
        String method = m.group(1);
        String word = m.group(2);
        List<String> values = names.byMethod().get(method).get().stream().filter(n -> n.startsWith(word)).distinct().toList();
        return Optional.of(new Candidates(m.start(2), values, GROUPS.get(method)));
    }
}

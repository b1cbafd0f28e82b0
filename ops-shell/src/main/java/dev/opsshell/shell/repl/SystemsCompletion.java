package dev.opsshell.shell.repl;

import dev.opsshell.core.store.Store;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.Type;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion of what the store knows inside the systems vocabulary's strings: type names after
 * {@code type("} and {@code typed("}, system ids after {@code system("} and {@code id("}.
 */
final class SystemsCompletion {
    private static final Pattern OPEN = Pattern.compile("\\b(type|typed|system|id)\\(\\s*\"([^\"]*)$");

    /**
     * @param anchor where the word being completed starts in the line
     * @param values the names or ids that start with that word
     * @param group  {@code types} or {@code systems}
     */
    record Candidates(int anchor, List<String> values, String group) {
        Candidates {
            values = List.copyOf(values);
        }
    }

    private SystemsCompletion() {
    }

    /** Candidates when the cursor sits inside one of those strings, else empty (the store is not opened then). */
    static Optional<Candidates> at(String line, int cursor, Supplier<Store> store) {
        Matcher m = OPEN.matcher(line.substring(0, Math.min(cursor, line.length())));
        if (!m.find()) return Optional.empty();
        String word = m.group(2);
        if (m.group(1).startsWith("type")) {
            List<String> names = store.get().types().stream().map(Type::name).filter(n -> n.startsWith(word)).toList();
            return Optional.of(new Candidates(m.start(2), names, "types"));
        }
        List<String> ids = store.get().machines().stream().map(Machine::id).filter(id -> id.startsWith(word)).toList();
        return Optional.of(new Candidates(m.start(2), ids, "systems"));
    }
}

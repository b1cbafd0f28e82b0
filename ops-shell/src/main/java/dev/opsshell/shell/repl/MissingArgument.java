package dev.opsshell.shell.repl;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what an {@code ArrayIndexOutOfBoundsException} on {@code args[…]} means in a script: it was
 * run with fewer arguments than it reads, not that the script is broken.
 */
final class MissingArgument {
    private static final Pattern INDEX = Pattern.compile("Index (\\d+) out of bounds for length (\\d+)");

    private MissingArgument() {
    }

    /** The message for {@code thrown}, when it is a script reading past its arguments. */
    static Optional<String> explain(Throwable thrown, String source, String script) {
        if (!(thrown instanceof ArrayIndexOutOfBoundsException e) || e.getMessage() == null) return Optional.empty();
        Matcher m = INDEX.matcher(e.getMessage());
        if (!m.find() || !source.matches("(?s).*\\bargs\\s*\\[.*")) return Optional.empty();
        int index = Integer.parseInt(m.group(1));
        int given = Integer.parseInt(m.group(2));
        if (given != Shell.given()) return Optional.empty(); // another array ran out, not the arguments
        return Optional.of("the script expects at least " + Shell.count(index + 1) + " (it reads args[" + index
                + "]) but was given " + (given == 0 ? "none" : given) + ": run it as ops " + script + " "
                + "ARG ".repeat(index + 1).strip() + ", or say what it needs with args(" + (index + 1)
                + ", \"usage: " + script + " …\")");
    }
}

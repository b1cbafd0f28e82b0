package dev.opsshell.remote.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * goss's patterns for text read line by line (file contents, command output, http body), as
 * matchers/have_patterns.go reads them: {@code "foo"} some line contains foo, {@code "!foo"} no
 * line does, {@code "\\!foo"} a line contains !foo, {@code "/re/"} (flags i, m, s) some line
 * matches, {@code "!/re/"} none does. An empty list asserts nothing.
 */
public record Patterns(List<String> patterns) implements Matcher {

    public Patterns {
        patterns = List.copyOf(patterns);
        patterns.forEach(Patterns::compile); // a bad regex is an error when the check is made
    }

    @Override
    public boolean matches(Object observed) {
        return missing(observed).isEmpty();
    }

    /** The patterns that failed: positive ones no line matched, negative ones some line did. */
    public List<String> missing(Object observed) {
        String[] lines = Values.text(observed).split("\n", -1);
        List<String> failed = new ArrayList<>();
        for (String p : patterns) {
            Line line = compile(p);
            boolean seen = false;
            for (String l : lines) {
                if (line.test.matcher(l).find()) {
                    seen = true;
                    break;
                }
            }
            if (line.inverse == seen) failed.add(p);
        }
        return failed;
    }

    @Override
    public String describe() {
        return "patterns " + Values.show(patterns);
    }

    private record Line(boolean inverse, String clean, Pattern test) {
    }

    private static Line compile(String p) {
        boolean inverse = p.startsWith("!");
        if (isRegex(p)) {
            String s = inverse ? p.substring(1) : p;
            if (s.startsWith("\\") || s.startsWith("/")) s = s.substring(1);
            int close = s.lastIndexOf('/');
            String flags = close >= 0 ? s.substring(close + 1) : "";
            if (close >= 0) s = s.substring(0, close);
            if (!flags.isEmpty()) s = "(?" + flags + ")" + s;
            return new Line(inverse, s, Pattern.compile(s));
        }
        String clean = p.replaceFirst("^[\\\\/!]+", "");
        return new Line(inverse, clean, Pattern.compile(Pattern.quote(clean)));
    }

    private static boolean isRegex(String s) {
        String core = s.startsWith("!") ? s.substring(1) : s;
        if (!core.startsWith("/")) return false;
        int close = core.substring(1).lastIndexOf('/');
        if (close < 0) return false;
        return core.substring(1).substring(close + 1).chars().allMatch(c -> c == 'i' || c == 'm' || c == 's');
    }
}

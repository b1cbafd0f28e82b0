package dev.opsshell.core.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Ansible host ranges in inventory host names: {@code web[01:20]} (zero padding kept as written),
 * {@code db-[a:f]}, {@code node[0:10:2]} (a stride), several brackets in one name. Errors are
 * {@link IllegalArgumentException}s whose message says what was expected; parsers add file:line.
 */
final class HostRange {
    private HostRange() {
    }

    /** The names {@code pattern} stands for, in order; a name without brackets is itself. */
    static List<String> expand(String pattern) {
        List<String> out = new ArrayList<>();
        expandInto(pattern, out);
        return out;
    }

    private static void expandInto(String pattern, List<String> out) {
        int open = pattern.indexOf('[');
        int close = pattern.indexOf(']');
        if (open < 0 && close < 0) {
            out.add(pattern);
            return;
        }
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("unbalanced bracket in host name '" + pattern
                    + "': expected a range such as web[01:20]");
        }
        String inner = pattern.substring(open + 1, close);
        if (inner.contains("[")) {
            throw new IllegalArgumentException("unbalanced bracket in host name '" + pattern
                    + "': expected a range such as web[01:20]");
        }
        String head = pattern.substring(0, open);
        String tail = pattern.substring(close + 1);
        for (String value : values(inner, pattern)) expandInto(head + value + tail, out);
    }

    private static List<String> values(String range, String whole) {
        String[] parts = range.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw bad(range, whole, "expected [FROM:TO] or [FROM:TO:STEP], such as [01:20] or [a:f]");
        }
        String from = parts[0].strip();
        String to = parts[1].strip();
        int step = 1;
        if (parts.length == 3) {
            try {
                step = Integer.parseInt(parts[2].strip());
            } catch (NumberFormatException e) {
                throw bad(range, whole, "the step '" + parts[2] + "' is not a number");
            }
            if (step < 1) throw bad(range, whole, "the step must be at least 1");
        }
        if (from.isEmpty() || to.isEmpty()) throw bad(range, whole, "both ends of the range are needed");
        if (isNumber(from) && isNumber(to)) return numbers(from, to, step, range, whole);
        if (from.length() == 1 && to.length() == 1 && Character.isLetter(from.charAt(0))
                && Character.isLetter(to.charAt(0))) {
            return letters(from.charAt(0), to.charAt(0), step, range, whole);
        }
        throw bad(range, whole, "expected two numbers or two single letters");
    }

    private static List<String> numbers(String from, String to, int step, String range, String whole) {
        if (from.length() > 9 || to.length() > 9) throw bad(range, whole, "the numbers are too long");
        int start = Integer.parseInt(from);
        int end = Integer.parseInt(to);
        if (end < start) throw bad(range, whole, "it runs backwards (" + from + " > " + to + ")");
        int width = from.length() > 1 && from.startsWith("0") ? from.length() : 0;
        List<String> values = new ArrayList<>();
        for (int i = start; i <= end; i += step) {
            values.add(width > 0 ? String.format("%0" + width + "d", i) : Integer.toString(i));
        }
        return values;
    }

    private static List<String> letters(char from, char to, int step, String range, String whole) {
        if (to < from) throw bad(range, whole, "it runs backwards (" + from + " > " + to + ")");
        List<String> values = new ArrayList<>();
        for (char c = from; c <= to; c += (char) step) values.add(String.valueOf(c));
        return values;
    }

    private static boolean isNumber(String s) {
        return s.chars().allMatch(Character::isDigit);
    }

    private static IllegalArgumentException bad(String range, String whole, String why) {
        return new IllegalArgumentException("bad range [" + range + "] in host name '" + whole + "': " + why);
    }
}

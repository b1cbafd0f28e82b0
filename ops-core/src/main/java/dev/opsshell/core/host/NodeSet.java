package dev.opsshell.core.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ClusterShell-style node sets: {@code web[01-03,07]} expands to web01, web02, web03, web07, and a
 * list of names folds back to the shortest such form. Zero padding is kept as written.
 */
public final class NodeSet {
    private static final Pattern BRACKET = Pattern.compile("\\[([^\\]]*)]");
    private static final Pattern NUMBERED = Pattern.compile("^(.*?)(\\d+)(\\D*)$");

    private NodeSet() {
    }

    /** Expands every bracket in {@code set}; several comma-separated sets may be given. */
    public static List<String> expand(String set) {
        List<String> out = new ArrayList<>();
        for (String part : splitOutsideBrackets(set, ',')) {
            if (!part.isBlank()) expandOne(part.strip(), out);
        }
        return out;
    }

    private static void expandOne(String pattern, List<String> out) {
        Matcher m = BRACKET.matcher(pattern);
        if (!m.find()) {
            if (pattern.contains("[") || pattern.contains("]")) {
                throw new IllegalArgumentException("unbalanced bracket in node set '" + pattern
                        + "': write it as name[01-20,30]");
            }
            out.add(pattern);
            return;
        }
        String head = pattern.substring(0, m.start());
        String tail = pattern.substring(m.end());
        for (String item : m.group(1).split(",")) {
            for (String value : range(item.strip(), pattern)) {
                expandOne(head + value + tail, out);
            }
        }
    }

    private static List<String> range(String item, String whole) {
        String[] bounds = item.split("[-:]", -1);
        if (bounds.length == 1 && !item.isEmpty()) return List.of(item);
        if (bounds.length != 2 || bounds[0].isEmpty() || bounds[1].isEmpty()) {
            throw new IllegalArgumentException("bad range '" + item + "' in node set '" + whole
                    + "': expected a number or FROM-TO such as 01-20");
        }
        try {
            int from = Integer.parseInt(bounds[0]);
            int to = Integer.parseInt(bounds[1]);
            if (to < from) {
                throw new IllegalArgumentException("range '" + item + "' in '" + whole + "' runs backwards");
            }
            int width = bounds[0].length() > 1 && bounds[0].startsWith("0") ? bounds[0].length() : 0;
            List<String> values = new ArrayList<>();
            for (int i = from; i <= to; i++) {
                values.add(width > 0 ? String.format("%0" + width + "d", i) : Integer.toString(i));
            }
            return values;
        } catch (NumberFormatException e) {
            if (bounds[0].length() == 1 && bounds[1].length() == 1) { // letter ranges: [a:f]
                List<String> values = new ArrayList<>();
                for (char c = bounds[0].charAt(0); c <= bounds[1].charAt(0); c++) values.add(String.valueOf(c));
                return values;
            }
            throw new IllegalArgumentException("bad range '" + item + "' in node set '" + whole + "'");
        }
    }

    /** Splits {@code s} on {@code sep} where it is not inside brackets: {@code a[1,2],b} on ',' is {@code a[1,2]}, {@code b}. */
    public static List<String> splitOutsideBrackets(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '[') depth++;
            if (c == ']') depth--;
            if (c == sep && depth == 0) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    /** Folds names into the shortest node set, keeping first-seen order of prefixes. */
    public static String fold(List<String> names) {
        Map<String, TreeSet<Num>> groups = new LinkedHashMap<>();
        List<String> plain = new ArrayList<>();
        Map<String, String> order = new LinkedHashMap<>();
        for (String name : names) {
            Matcher m = NUMBERED.matcher(name);
            if (m.matches() && m.group(2).length() < 10) {
                String key = m.group(1) + "\u0000" + m.group(3);
                groups.computeIfAbsent(key, k -> new TreeSet<>()).add(new Num(m.group(2)));
                order.putIfAbsent(key, key);
            } else {
                plain.add(name);
                order.putIfAbsent("\u0001" + name, name);
            }
        }
        List<String> out = new ArrayList<>();
        for (String key : order.keySet()) {
            if (key.startsWith("\u0001")) {
                out.add(key.substring(1));
                continue;
            }
            String[] affix = key.split("\u0000", -1);
            TreeSet<Num> nums = groups.get(key);
            if (nums.size() == 1) {
                out.add(affix[0] + nums.first().text + affix[1]);
            } else {
                out.add(affix[0] + "[" + ranges(nums) + "]" + affix[1]);
            }
        }
        return String.join(",", out);
    }

    private static String ranges(TreeSet<Num> nums) {
        StringBuilder s = new StringBuilder();
        Num start = null;
        Num prev = null;
        for (Num n : nums) {
            if (prev != null && n.value == prev.value + 1 && n.text.equals(start.padded(n.value))) {
                prev = n;
                continue;
            }
            appendRange(s, start, prev);
            start = n;
            prev = n;
        }
        appendRange(s, start, prev);
        return s.toString();
    }

    private static void appendRange(StringBuilder s, Num start, Num end) {
        if (start == null) return;
        if (s.length() > 0) s.append(',');
        s.append(start.text);
        if (end != start) s.append('-').append(end.text);
    }

    private record Num(String text, long value) implements Comparable<Num> {
        Num(String text) {
            this(text, Long.parseLong(text));
        }

        /** How {@code v} is written in a range that starts at this number (as {@link #expand} pads it). */
        String padded(long v) {
            int width = text.length() > 1 && text.startsWith("0") ? text.length() : 0;
            return width > 0 ? String.format("%0" + width + "d", v) : Long.toString(v);
        }

        @Override
        public int compareTo(Num o) {
            int c = Long.compare(value, o.value);
            return c != 0 ? c : text.compareTo(o.text);
        }
    }
}

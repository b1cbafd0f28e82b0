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

    /**
     * Folds names into the shortest node set, keeping first-seen order of prefixes. Names that are the
     * same apart from one number fold on that number, wherever it stands: {@code web[01-03]},
     * {@code 10.0.0.[1-3]:22}; where several numbers differ, on the last.
     */
    public static String fold(List<String> names) {
        Map<String, Integer> varying = varyingNumber(names);
        Map<String, TreeSet<Num>> groups = new LinkedHashMap<>();
        Map<String, String> order = new LinkedHashMap<>();
        for (String name : names) {
            Parts p = Parts.of(name);
            if (p.nums.isEmpty()) {
                order.putIfAbsent("\u0001" + name, name);
                continue;
            }
            int v = varying.get(p.shape());
            String key = p.before(v) + "\u0000" + p.after(v);
            groups.computeIfAbsent(key, k -> new TreeSet<>()).add(new Num(p.nums.get(v)));
            order.putIfAbsent(key, key);
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

    /** For each shape of name (its text around the numbers), the number to fold on: the one that differs, else the last. */
    private static Map<String, Integer> varyingNumber(List<String> names) {
        Map<String, List<Parts>> byShape = new LinkedHashMap<>();
        for (String name : names) {
            Parts p = Parts.of(name);
            if (!p.nums.isEmpty()) byShape.computeIfAbsent(p.shape(), k -> new ArrayList<>()).add(p);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        byShape.forEach((shape, all) -> {
            int count = all.get(0).nums.size();
            List<Integer> differ = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int at = i;
                if (all.stream().map(p -> p.nums.get(at)).distinct().count() > 1) differ.add(i);
            }
            out.put(shape, differ.size() == 1 ? differ.get(0) : count - 1);
        });
        return out;
    }

    /** A name cut into its text and its numbers (runs of up to nine digits): texts has one more entry than nums. */
    private record Parts(List<String> texts, List<String> nums) {
        private static final Pattern NUMBER = Pattern.compile("\\d+");

        static Parts of(String name) {
            List<String> texts = new ArrayList<>();
            List<String> nums = new ArrayList<>();
            Matcher m = NUMBER.matcher(name);
            StringBuilder text = new StringBuilder();
            int from = 0;
            while (m.find()) {
                text.append(name, from, m.start());
                if (m.group().length() < 10) {
                    texts.add(text.toString());
                    text.setLength(0);
                    nums.add(m.group());
                } else {
                    text.append(m.group()); // too long to count with: part of the text
                }
                from = m.end();
            }
            texts.add(text.append(name.substring(from)).toString());
            return new Parts(texts, nums);
        }

        String shape() {
            return String.join("\u0000", texts);
        }

        /** The name up to number {@code v}: its texts and numbers before it. */
        String before(int v) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < v; i++) s.append(texts.get(i)).append(nums.get(i));
            return s.append(texts.get(v)).toString();
        }

        /** The name after number {@code v}. */
        String after(int v) {
            StringBuilder s = new StringBuilder(texts.get(v + 1));
            for (int i = v + 1; i < nums.size(); i++) s.append(nums.get(i)).append(texts.get(i + 1));
            return s.toString();
        }
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

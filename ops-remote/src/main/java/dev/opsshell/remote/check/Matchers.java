package dev.opsshell.remote.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The matchers, each a record with goss's semantics (resource/gomega.go and matchers/ in
 * goss-org/goss). Built by the vocabulary ({@link Checks}) and by {@link GossMatchers} from YAML.
 */
public final class Matchers {
    private Matchers() {
    }

    /** A default matcher from a plain value: string, number or bool, as goss picks by the expected type. */
    public static Matcher of(Object expected) {
        if (expected instanceof Matcher m) return m;
        if (expected instanceof Boolean b) return new Equal(b);
        if (expected instanceof Number n) return new Numeric("eq", n.doubleValue());
        if (expected instanceof List<?> l) return new ContainElements(l.stream().map(Matchers::of).toList());
        return new TextEqual(String.valueOf(expected));
    }

    /** Strict equality ({@code equal:} and bools): same type and value; lists element by element. */
    public record Equal(Object value) implements Matcher {
        public boolean matches(Object observed) {
            if (value instanceof Number n && observed instanceof Number o) return n.doubleValue() == o.doubleValue();
            if (value instanceof List<?> l && observed instanceof List<?> o) {
                return l.stream().map(Values::text).toList().equals(o.stream().map(Values::text).toList());
            }
            return Objects.equals(value, observed);
        }

        public String describe() {
            return Values.show(value);
        }
    }

    /** A string expected: the observed value as a string, equal (goss: ToString then Equal). */
    public record TextEqual(String value) implements Matcher {
        public boolean matches(Object observed) {
            return value.equals(Values.text(observed));
        }

        public String describe() {
            return Values.show(value);
        }
    }

    /** eq, gt, ge, lt, le on the observed value as a number (goss: ToNumeric then BeNumerically). */
    public record Numeric(String op, double value) implements Matcher {
        public boolean matches(Object observed) {
            Double n = Values.number(observed);
            if (n == null) return false;
            return switch (op) {
                case "eq" -> n == value;
                case "gt" -> n > value;
                case "ge" -> n >= value;
                case "lt" -> n < value;
                case "le" -> n <= value;
                default -> throw new IllegalArgumentException("no numeric matcher " + op);
            };
        }

        public String describe() {
            String v = Values.text(value);
            return op.equals("eq") ? v : Map.SYMBOLS.get(op) + " " + v;
        }

        private static final class Map {
            static final java.util.Map<String, String> SYMBOLS = java.util.Map.of("gt", ">", "ge", ">=", "lt", "<", "le", "<=");
        }
    }

    /** have-prefix, have-suffix, contain-substring, match-regexp on the observed value as a string. */
    public record Text(String kind, String value) implements Matcher {
        public boolean matches(Object observed) {
            String s = Values.text(observed);
            return switch (kind) {
                case "have-prefix" -> s.startsWith(value);
                case "have-suffix" -> s.endsWith(value);
                case "contain-substring" -> s.contains(value);
                case "match-regexp" -> Pattern.compile(value).matcher(s).find();
                default -> throw new IllegalArgumentException("no string matcher " + kind);
            };
        }

        public String describe() {
            return kind + " " + Values.show(value);
        }
    }

    /** have-len: the length of the observed list (or string). */
    public record HaveLen(int length) implements Matcher {
        public boolean matches(Object observed) {
            return observed instanceof List<?> l ? l.size() == length : Values.text(observed).length() == length;
        }

        public String describe() {
            return "have-len " + length;
        }
    }

    /** contain-element: some element of the observed array passes the matcher. */
    public record ContainElement(Matcher element) implements Matcher {
        public boolean matches(Object observed) {
            return Values.array(observed).stream().anyMatch(element::matches);
        }

        public String describe() {
            return "contain-element " + element.describe();
        }
    }

    /**
     * contain-elements, and a plain list: each matcher passes on an element of its own (gomega pairs
     * them one to one, so [a, a] is not contained in [a, b]): a subset.
     */
    public record ContainElements(List<Matcher> elements) implements Matcher {
        public boolean matches(Object observed) {
            return pair(elements, new ArrayList<>(Values.array(observed)), 0, false);
        }

        public String describe() {
            return "contains " + list(elements);
        }
    }

    /** consist-of: the observed elements and the matchers pair up one to one, in any order. */
    public record ConsistOf(List<Matcher> elements) implements Matcher {
        public boolean matches(Object observed) {
            return pair(elements, new ArrayList<>(Values.array(observed)), 0, true);
        }

        public String describe() {
            return "consist-of " + list(elements);
        }
    }

    /** Whether matchers from {@code i} on each take an element of their own from {@code left}; {@code all}: none left over. */
    private static boolean pair(List<Matcher> matchers, List<Object> left, int i, boolean all) {
        if (i == matchers.size()) return !all || left.isEmpty();
        for (int j = 0; j < left.size(); j++) {
            if (!matchers.get(i).matches(left.get(j))) continue;
            List<Object> rest = new ArrayList<>(left);
            rest.remove(j);
            if (pair(matchers, rest, i + 1, all)) return true;
        }
        return false;
    }

    public record Not(Matcher inner) implements Matcher {
        public boolean matches(Object observed) {
            return !inner.matches(observed);
        }

        public String describe() {
            return "not " + inner.describe();
        }
    }

    public record And(List<Matcher> all) implements Matcher {
        public boolean matches(Object observed) {
            return all.stream().allMatch(m -> m.matches(observed));
        }

        public String describe() {
            return "and " + list(all);
        }
    }

    public record Or(List<Matcher> any) implements Matcher {
        public boolean matches(Object observed) {
            return any.stream().anyMatch(m -> m.matches(observed));
        }

        public String describe() {
            return "or " + list(any);
        }
    }

    static String list(List<Matcher> ms) {
        return "[" + String.join(", ", ms.stream().map(Matcher::describe).toList()) + "]";
    }
}

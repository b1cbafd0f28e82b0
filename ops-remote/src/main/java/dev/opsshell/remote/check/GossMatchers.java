package dev.opsshell.remote.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A goss matcher read from YAML, as resource/gomega.go reads it: a scalar is the default matcher
 * for its type, a list means contains-elements (patterns for text attributes), a one-key map names
 * an advanced matcher. Matchers ops does not have ({@code semver-constraint}, {@code gjson},
 * {@code have-key}, {@code xml}, {@code have-patterns}) are refused by name.
 */
final class GossMatchers {
    private GossMatchers() {
    }

    /** {@code problem} turns a message into the exception to throw (it adds file:line). */
    static Matcher read(JsonNode n, Kind.Type type, Function<String, GossfileException> problem) {
        if (type == Kind.Type.TEXT && n.isArray()) {
            List<String> patterns = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.isValueNode()) throw problem.apply("a pattern list holds strings: \"foo\", \"!foo\", \"/regex/\"");
                patterns.add(e.asText());
            }
            try {
                return new Patterns(patterns);
            } catch (RuntimeException e) {
                throw problem.apply("bad pattern: " + e.getMessage());
            }
        }
        return matcher(n, problem);
    }

    private static Matcher matcher(JsonNode n, Function<String, GossfileException> problem) {
        if (n == null || n.isNull()) throw problem.apply("a value is missing (write what is expected)");
        if (n.isBoolean()) return new Matchers.Equal(n.booleanValue());
        if (n.isNumber()) return new Matchers.Numeric("eq", n.doubleValue());
        if (n.isTextual()) return new Matchers.TextEqual(n.textValue());
        if (n.isArray()) return new Matchers.ContainElements(list(n, problem));
        if (n.size() != 1) {
            throw problem.apply("only one matcher at a given nesting level, found " + names(n) + " (combine them with and:)");
        }
        Map.Entry<String, JsonNode> e = n.fields().next();
        String name = e.getKey();
        JsonNode v = e.getValue();
        return switch (name) {
            case "equal" -> new Matchers.Equal(plain(v));
            case "have-prefix", "have-suffix", "match-regexp", "contain-substring" -> {
                if (!v.isTextual()) throw problem.apply(name + " takes a string");
                if (name.equals("match-regexp")) {
                    try {
                        java.util.regex.Pattern.compile(v.textValue());
                    } catch (RuntimeException ex) {
                        throw problem.apply("match-regexp: bad regular expression: " + ex.getMessage());
                    }
                }
                yield new Matchers.Text(name, v.textValue());
            }
            case "have-len" -> {
                if (!v.canConvertToInt()) throw problem.apply("have-len takes a number");
                yield new Matchers.HaveLen(v.intValue());
            }
            case "gt", "ge", "lt", "le" -> {
                if (!v.isNumber()) throw problem.apply(name + " takes a number");
                yield new Matchers.Numeric(name, v.doubleValue());
            }
            case "contain-element" -> new Matchers.ContainElement(matcher(v, problem));
            case "contain-elements" -> new Matchers.ContainElements(list(v, problem));
            case "consist-of" -> new Matchers.ConsistOf(list(v, problem));
            case "not" -> new Matchers.Not(matcher(v, problem));
            case "and" -> new Matchers.And(list(v, problem));
            case "or" -> new Matchers.Or(list(v, problem));
            case "semver-constraint", "gjson", "have-key", "xml", "have-patterns" ->
                    throw problem.apply("goss's matcher '" + name + "' is not supported by ops (supported: equal, "
                            + "have-prefix, have-suffix, match-regexp, contain-substring, have-len, gt, ge, lt, le, "
                            + "contain-element, contain-elements, consist-of, not, and, or)");
            default -> throw problem.apply("'" + name + "' is not a goss matcher");
        };
    }

    private static List<Matcher> list(JsonNode n, Function<String, GossfileException> problem) {
        if (!n.isArray()) throw problem.apply("a list is expected here");
        List<Matcher> l = new ArrayList<>();
        for (JsonNode e : n) l.add(matcher(e, problem));
        return l;
    }

    private static Object plain(JsonNode v) {
        if (v.isArray()) {
            List<Object> l = new ArrayList<>();
            v.forEach(e -> l.add(plain(e)));
            return l;
        }
        if (v.isBoolean()) return v.booleanValue();
        if (v.isIntegralNumber()) return v.longValue();
        if (v.isNumber()) return v.doubleValue();
        return v.asText();
    }

    private static String names(JsonNode n) {
        List<String> l = new ArrayList<>();
        n.fieldNames().forEachRemaining(l::add);
        return l.toString();
    }
}

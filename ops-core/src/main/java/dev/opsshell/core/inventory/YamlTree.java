package dev.opsshell.core.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as plain nodes that remember their line, so inventory errors can say where they
 * are, and how a node becomes a variable's string value.
 */
final class YamlTree {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A YAML node and the line it starts on. */
    sealed interface Node permits Scalar, Mapping, Sequence {
        int line();
    }

    /** A scalar; {@code text} is null for a YAML null (an empty value); {@code token} says its type. */
    record Scalar(String text, JsonToken token, int line) implements Node {
    }

    /** A mapping in document order; {@code keyLines} gives the line of each key. */
    record Mapping(Map<String, Node> entries, Map<String, Integer> keyLines, int line) implements Node {
    }

    record Sequence(List<Node> items, int line) implements Node {
    }

    private YamlTree() {
    }

    /** The document's root, or null when the document is empty; see {@link YamlReader}. */
    static Node parse(Path file, String text) {
        return new YamlReader(file).read(text);
    }

    /** A variable's value as a string: scalars as written, lists and mappings as JSON. */
    static String asString(Node node) {
        if (node instanceof Scalar s) return s.text() == null ? "" : s.text();
        try {
            return JSON.writeValueAsString(plain(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render a YAML value as JSON", e);
        }
    }

    private static Object plain(Node node) {
        if (node instanceof Scalar s) {
            return switch (s.token()) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(s.text());
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> s.text();
            };
        }
        if (node instanceof Sequence q) return q.items().stream().map(YamlTree::plain).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        ((Mapping) node).entries().forEach((k, v) -> m.put(k, plain(v)));
        return m;
    }

    private static Object number(String text) {
        try {
            return new BigDecimal(text.replace("_", ""));
        } catch (NumberFormatException e) {
            return text; // 0x1F, .inf and other YAML spellings stay as written
        }
    }

    static String kind(Node node) {
        if (node instanceof Scalar s) return s.text() == null ? "nothing" : "the value '" + s.text() + "'";
        return node instanceof Sequence ? "a list" : "a mapping";
    }
}

package dev.opsshell.core.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read with Jackson's streaming parser into plain nodes that remember their line,
 * so inventory errors can say where they are. Syntax errors become {@link InventoryException}s
 * carrying the line from Jackson's location.
 */
final class YamlTree {
    private static final YAMLFactory YAML = new YAMLFactory();
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

    /** The document's root, or null when the document is empty. */
    static Node parse(Path file, String text) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            return first == null ? null : read(p);
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /**
     * A syntax error at Jackson's location, told in one line. SnakeYAML's own mark is preferred
     * when it has one: Jackson's location can lag a line behind the offending character.
     */
    private static InventoryException syntaxError(Path file, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String message = e.getOriginalMessage().strip();
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
            if (m.getProblemMark() != null) line = m.getProblemMark().getLine() + 1;
            message = m.getProblem();
            if (m.getContext() != null && m.getContextMark() != null) {
                message += " (" + m.getContext() + " started at line " + (m.getContextMark().getLine() + 1) + ")";
            }
        }
        return new InventoryException(file, line, "invalid YAML: " + message);
    }

    private static Node read(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                keyLines.put(key, p.currentTokenLocation().getLineNr());
                p.nextToken();
                entries.put(key, read(p));
            }
            return new Mapping(entries, keyLines, line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) items.add(read(p));
            return new Sequence(items, line);
        }
        return new Scalar(t == JsonToken.VALUE_NULL ? null : p.getText(), t, line);
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

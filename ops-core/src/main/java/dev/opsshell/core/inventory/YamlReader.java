package dev.opsshell.core.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.opsshell.core.inventory.YamlTree.Mapping;
import dev.opsshell.core.inventory.YamlTree.Node;
import dev.opsshell.core.inventory.YamlTree.Scalar;
import dev.opsshell.core.inventory.YamlTree.Sequence;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document with Jackson's streaming parser into {@link YamlTree} nodes, resolving
 * anchors ({@code &base}), aliases ({@code *base}) and merge keys ({@code <<: *base}, where keys
 * written beside the merge win). Anchors work on mappings and lists only: Jackson does not report
 * them on single values. Syntax errors become {@link InventoryException}s with the line.
 */
final class YamlReader {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final String MERGE = "<<";

    private final Path file;
    private final Map<String, Node> anchors = new HashMap<>();

    YamlReader(Path file) {
        this.file = file;
    }

    /** The document's root, or null when the document is empty. */
    Node read(String text) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            return first == null ? null : node(p);
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private Node node(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        Object anchor = p instanceof YAMLParser y ? y.getObjectId() : null;
        Node n;
        if (t == JsonToken.START_OBJECT) {
            n = mapping(p, line);
        } else if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) items.add(node(p));
            n = new Sequence(items, line);
        } else if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            n = anchors.get(p.getText());
            if (n == null) throw new InventoryException(file, line, "unknown alias *" + p.getText()
                    + ": define the anchor &" + p.getText() + " on a mapping or list before using it"
                    + " (anchors on single values are not supported)");
        } else {
            n = new Scalar(t == JsonToken.VALUE_NULL ? null : p.getText(), t, line);
        }
        if (anchor != null) anchors.put(anchor.toString(), n);
        return n;
    }

    private Mapping mapping(JsonParser p, int line) throws IOException {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        List<Node> merges = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = p.currentTokenLocation().getLineNr();
            p.nextToken();
            Node value = node(p);
            if (key.equals(MERGE)) {
                if (value instanceof Sequence s) merges.addAll(s.items());
                else merges.add(value);
                continue;
            }
            keyLines.put(key, keyLine);
            entries.put(key, value);
        }
        for (Node m : merges) {
            if (!(m instanceof Mapping merged)) {
                throw new InventoryException(file, m.line(), "expected a mapping to merge with <<, got " + YamlTree.kind(m));
            }
            merged.entries().forEach((k, v) -> {
                if (entries.putIfAbsent(k, v) == null) keyLines.put(k, merged.keyLines().get(k));
            });
        }
        return new Mapping(entries, keyLines, line);
    }

    /**
     * A syntax error at Jackson's location, told in one line. SnakeYAML's own mark is preferred
     * when it has one: Jackson's location can lag a line behind the offending character.
     */
    private InventoryException syntaxError(JsonProcessingException e) {
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
}

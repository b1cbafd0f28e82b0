package dev.opsshell.core.inventory;

import dev.opsshell.core.inventory.YamlTree.Mapping;
import dev.opsshell.core.inventory.YamlTree.Node;
import dev.opsshell.core.inventory.YamlTree.Scalar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Ansible YAML inventories: top-level groups (usually just {@code all}), each a mapping with
 * {@code hosts} (host name, or range such as {@code web[01:20]}, to a mapping of variables),
 * {@code vars} and {@code children} (nested groups, as deep as needed). Scalars of any type become
 * strings; a list or mapping value is kept as its JSON text. Errors name the file and line.
 */
final class YamlInventoryParser {
    private static final Pattern HOST_PORT = Pattern.compile("^([^:\\[\\]]+|.*\\[[^\\]]*]):(\\d+)$");
    private static final List<String> SECTIONS = List.of("hosts", "vars", "children");

    private final InventoryBuilder builder;

    private YamlInventoryParser(InventoryBuilder builder) {
        this.builder = builder;
    }

    /** Reads YAML text (of the file the builder is reading) into the builder. */
    static void read(InventoryBuilder builder, String text) {
        YamlInventoryParser p = new YamlInventoryParser(builder);
        Node root = YamlTree.parse(builder.file(), text);
        if (root != null && !(root instanceof Scalar s && s.text() == null)) {
            Mapping top = p.mapping(root, "the top level", "group names such as all:");
            top.entries().forEach((group, data) -> p.group(group, data, top.keyLines().get(group)));
        }
    }

    private void group(String name, Node data, int line) {
        builder.group(name, line);
        if (data instanceof Scalar s && s.text() == null) return;
        Mapping m = mapping(data, "group '" + name + "'", "hosts:, vars: or children:");
        m.entries().forEach((key, value) -> {
            int keyLine = m.keyLines().get(key);
            if (!SECTIONS.contains(key)) {
                throw builder.error(keyLine, "unexpected key '" + key + "' in group '" + name
                        + "': expected hosts:, vars: or children:");
            }
            if (value instanceof Scalar s && s.text() == null) return;
            Mapping section = mapping(value, key + " of group '" + name + "'", "a mapping");
            switch (key) {
                case "hosts" -> section.entries().forEach((h, vars) -> host(name, h, vars, section.keyLines().get(h)));
                case "vars" -> section.entries().forEach((k, v) ->
                        builder.groupVar(name, k, YamlTree.asString(v), section.keyLines().get(k)));
                default -> section.entries().forEach((child, childData) -> {
                    int childLine = section.keyLines().get(child);
                    builder.child(name, child, childLine);
                    group(child, childData, childLine);
                });
            }
        });
    }

    private void host(String group, String pattern, Node data, int line) {
        Map<String, String> vars = new LinkedHashMap<>();
        String name = pattern;
        Matcher hp = HOST_PORT.matcher(pattern);
        if (hp.matches()) {
            name = hp.group(1);
            vars.put("ansible_port", hp.group(2));
        }
        List<String> names;
        try {
            names = HostRange.expand(name);
        } catch (IllegalArgumentException e) {
            throw builder.error(line, e.getMessage());
        }
        for (String h : names) builder.host(group, h, vars, line);
        if (data instanceof Scalar s && s.text() == null) return;
        Mapping m = mapping(data, "host '" + pattern + "'", "its variables as key: value");
        m.entries().forEach((k, v) -> {
            for (String h : names) builder.hostVar(h, k, YamlTree.asString(v), m.keyLines().get(k));
        });
    }

    private Mapping mapping(Node node, String where, String expected) {
        if (node instanceof Mapping m) return m;
        throw builder.error(node.line(), "expected " + expected + " in " + where + ", got " + YamlTree.kind(node));
    }
}

package dev.opsshell.core.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Ansible INI inventories: host lines with inline {@code key=value} variables (before any
 * section they are ungrouped), {@code [group]}, {@code [group:vars]}, {@code [group:children]},
 * {@code host:port}, host ranges ({@code web[01:20]}, {@code db-[a:f]}), quoted values and
 * {@code #}/{@code ;} comments. As in Ansible, a group named in {@code [g:vars]} or as a child must
 * be declared somewhere by {@code [g]} or {@code [g:children]}. Every malformed line is an
 * {@link InventoryException} naming the file, the line and what was expected there.
 */
final class IniInventoryParser {
    private static final Pattern HEADER = Pattern.compile("^\\[([^:\\]\\s]+)(?::([^\\]\\s]*))?]\\s*(?:[#;].*)?$");
    private static final Pattern HOST_PORT = Pattern.compile("^(.+):(\\d+)$");

    private enum Kind { HOSTS, VARS, CHILDREN }

    private final InventoryBuilder builder;
    /** Groups used by [g:vars] or as a child before any [g] or [g:children] declared them. */
    private final Map<String, String> undeclared = new LinkedHashMap<>();
    private Kind kind = Kind.HOSTS;
    private String group = InventoryBuilder.UNGROUPED;

    private IniInventoryParser(InventoryBuilder builder) {
        this.builder = builder;
    }

    /** Reads INI text (of the file the builder is reading) into the builder. */
    static void read(InventoryBuilder builder, String text) {
        IniInventoryParser p = new IniInventoryParser(builder);
        String[] lines = text.replace("\r", "").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            p.line(line, i + 1);
        }
        p.undeclared.values().stream().findFirst().ifPresent(why -> {
            int colon = why.indexOf(':');
            throw builder.error(Integer.parseInt(why.substring(0, colon)), why.substring(colon + 1));
        });
    }

    private void line(String line, int n) {
        if (line.startsWith("[")) {
            header(line, n);
            return;
        }
        switch (kind) {
            case HOSTS -> hostLine(line, n);
            case VARS -> varLine(line, n);
            case CHILDREN -> childLine(line, n);
        }
    }

    private void header(String line, int n) {
        Matcher m = HEADER.matcher(line);
        if (!m.matches()) {
            String why = line.indexOf(']') < 0 ? "unbalanced bracket: expected" : "expected";
            throw builder.error(n, why + " a section header such as [web], [web:vars] or [web:children], got '"
                    + line + "'");
        }
        group = m.group(1);
        String suffix = m.group(2);
        if (suffix == null) {
            kind = Kind.HOSTS;
        } else if (suffix.equals("vars")) {
            kind = Kind.VARS;
        } else if (suffix.equals("children")) {
            kind = Kind.CHILDREN;
        } else {
            throw builder.error(n, "unknown section [" + group + ":" + suffix + "]: expected [" + group
                    + "], [" + group + ":vars] or [" + group + ":children]");
        }
        if (kind == Kind.VARS) {
            if (!builder.hasGroup(group)) {
                undeclared.putIfAbsent(group, n + ":[" + group + ":vars] is for group '" + group
                        + "', which is not declared; add a [" + group + "] section or fix the name");
            }
        } else {
            undeclared.remove(group);
        }
        builder.group(group, n);
    }

    private void hostLine(String line, int n) {
        List<String> words;
        try {
            words = IniTokens.split(line);
        } catch (IllegalArgumentException e) {
            throw builder.error(n, e.getMessage());
        }
        if (words.isEmpty()) return;
        String name = words.get(0);
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher hp = HOST_PORT.matcher(name);
        if (hp.matches() && colonsOutsideBrackets(name) == 1) {
            name = hp.group(1);
            vars.put("ansible_port", hp.group(2));
        }
        if (name.contains("=")) {
            throw builder.error(n, "expected a host name before the variables, got '" + name + "'");
        }
        for (String word : words.subList(1, words.size())) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw builder.error(n, "expected key=value after the host name, got '" + word + "'");
            }
            vars.put(word.substring(0, eq), word.substring(eq + 1));
        }
        List<String> names;
        try {
            names = HostRange.expand(name);
        } catch (IllegalArgumentException e) {
            throw builder.error(n, e.getMessage());
        }
        for (String h : names) builder.host(group, h, vars, n);
    }

    private void varLine(String line, int n) {
        int eq = line.indexOf('=');
        String key = eq < 0 ? "" : line.substring(0, eq).strip();
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            throw builder.error(n, "expected key=value in [" + group + ":vars], got '" + line + "'");
        }
        builder.groupVar(group, key, IniTokens.unquote(line.substring(eq + 1)), n);
    }

    private void childLine(String line, int n) {
        List<String> words;
        try {
            words = IniTokens.split(line);
        } catch (IllegalArgumentException e) {
            throw builder.error(n, e.getMessage());
        }
        if (words.size() != 1) {
            throw builder.error(n, "expected one group name per line in [" + group + ":children], got '" + line + "'");
        }
        String child = words.get(0);
        if (!builder.hasGroup(child)) {
            undeclared.putIfAbsent(child, n + ":[" + group + ":children] names group '" + child
                    + "', which is not declared; add a [" + child + "] section (it may be empty) or fix the name");
        }
        builder.child(group, child, n);
    }

    private static int colonsOutsideBrackets(String s) {
        int depth = 0;
        int colons = 0;
        for (char c : s.toCharArray()) {
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ':' && depth == 0) colons++;
        }
        return colons;
    }
}

package dev.opsshell.core.inventory;

import dev.opsshell.core.host.Host;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects groups, hosts, children and variables as parsers read them, then resolves them the way
 * Ansible does: membership through children, {@code all} and {@code ungrouped}, and variables
 * merged in Ansible's order: group vars from the inventory (all &lt; parent &lt; child, groups of
 * equal depth by name), then group vars from {@code group_vars/} files (same order), then the
 * host's inventory vars, then its {@code host_vars/} files. Not thread-safe; one per inventory.
 */
final class InventoryBuilder {
    static final String ALL = "all";
    static final String UNGROUPED = "ungrouped";
    private static final Set<String> PORT_VARS = Set.of("ansible_port", "ansible_ssh_port");
    private static final String PRIORITY = "ansible_group_priority";

    private Path file;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> hostVars = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> hostFileVars = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private static final class Group {
        final Set<String> hosts = new LinkedHashSet<>();
        final Set<String> children = new LinkedHashSet<>();
        final Set<String> parents = new LinkedHashSet<>();
        final Map<String, String> vars = new LinkedHashMap<>();
        final Map<String, String> fileVars = new LinkedHashMap<>();
    }

    InventoryBuilder(Path file) {
        this.file = file;
        groups.put(ALL, new Group());
        groups.put(UNGROUPED, new Group());
    }

    Path file() {
        return file;
    }

    /** Names the file being read now, so errors point at it. */
    void reading(Path newFile) {
        file = newFile;
    }

    void warn(String message) {
        warnings.add(message);
    }

    boolean hasGroup(String name) {
        return groups.containsKey(name);
    }

    List<String> groupNames() {
        return List.copyOf(groups.keySet());
    }

    List<String> hostNames() {
        return List.copyOf(hostVars.keySet());
    }

    InventoryException error(int line, String message) {
        return new InventoryException(file, line, message);
    }

    /** Declares a group (it may stay empty, as Ansible allows). */
    void group(String name, int line) {
        if (groups.containsKey(name)) return;
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw error(line, "expected a group name without spaces, got '" + name + "'");
        }
        groups.put(name, new Group());
    }

    /** Puts a host in a group (creating both as needed) and merges its inline variables. */
    void host(String group, String host, Map<String, String> vars, int line) {
        if (host.isBlank()) throw error(line, "expected a host name");
        group(group, line);
        groups.get(group).hosts.add(host);
        Map<String, String> mine = hostVars.computeIfAbsent(host, h -> new LinkedHashMap<>());
        vars.forEach((k, v) -> mine.put(k, checked(k, v, line)));
    }

    /** Sets one variable of a host already added, checked against the line it is written on. */
    void hostVar(String host, String key, String value, int line) {
        hostVars.get(host).put(key, checked(key, value, line));
    }

    void groupVar(String group, String key, String value, int line) {
        group(group, line);
        groups.get(group).vars.put(key, checked(key, value, line));
    }

    /** A variable from a {@code group_vars/} file: over every group's inventory vars, under host vars. */
    void groupFileVar(String group, String key, String value, int line) {
        groups.get(group).fileVars.put(key, checked(key, value, line));
    }

    /** A variable from a {@code host_vars/} file: over everything else. */
    void hostFileVar(String host, String key, String value, int line) {
        hostFileVars.computeIfAbsent(host, h -> new LinkedHashMap<>()).put(key, checked(key, value, line));
    }

    /** Makes {@code child} a child of {@code parent}; a cycle is an error at this line. */
    void child(String parent, String child, int line) {
        group(parent, line);
        group(child, line);
        if (child.equals(ALL)) throw error(line, "'all' contains every group and cannot be a child of '" + parent + "'");
        if (child.equals(parent) || reaches(child, parent)) {
            throw error(line, "group '" + child + "' cannot be a child of '" + parent + "': '" + parent
                    + "' is already inside '" + child + "', which would make a cycle");
        }
        groups.get(parent).children.add(child);
        groups.get(child).parents.add(parent);
    }

    private boolean reaches(String from, String target) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String g = todo.pop();
            if (g.equals(target)) return true;
            if (seen.add(g)) todo.addAll(groups.get(g).children);
        }
        return false;
    }

    private String checked(String key, String value, int line) {
        if (key.equals(PRIORITY) && !value.strip().matches("-?\\d{1,9}")) {
            throw error(line, "expected a whole number for " + PRIORITY + ", got '" + value + "'");
        }
        if (PORT_VARS.contains(key)) {
            int port = -1;
            try {
                port = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                // reported below with the offending value
            }
            if (port < 1 || port > 65535) {
                throw error(line, "expected a port number 1-65535 for " + key + ", got '" + value + "'");
            }
        }
        return value;
    }

    /** Resolves membership and variables into an immutable inventory. */
    Inventory build(String source) {
        List<String> hostOrder = new ArrayList<>(hostVars.keySet());
        Map<String, Set<String>> members = new LinkedHashMap<>();
        Set<String> grouped = new HashSet<>();
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            members.put(e.getKey(), members(e.getKey(), new HashSet<>()));
            if (!e.getKey().equals(ALL) && !e.getKey().equals(UNGROUPED)) grouped.addAll(e.getValue().hosts);
        }
        members.put(ALL, new HashSet<>(hostOrder));
        Set<String> ungrouped = new HashSet<>(hostOrder);
        ungrouped.removeAll(grouped);
        members.put(UNGROUPED, ungrouped);

        List<String> ungroupedInOrder = new ArrayList<>();
        for (String h : hostOrder) if (ungrouped.contains(h)) ungroupedInOrder.add(h);
        Map<String, List<String>> groupLists = new LinkedHashMap<>();
        for (String g : members.keySet()) groupLists.put(g, hostsInAnsibleOrder(g, ungroupedInOrder));
        List<String> byPrecedence = precedence();
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (String name : hostOrder) {
            List<String> in = new ArrayList<>();
            for (String g : groupLists.keySet()) if (members.get(g).contains(name)) in.add(g);
            Map<String, String> vars = new LinkedHashMap<>();
            for (String g : byPrecedence) if (members.get(g).contains(name)) vars.putAll(groups.get(g).vars);
            for (String g : byPrecedence) if (members.get(g).contains(name)) vars.putAll(groups.get(g).fileVars);
            vars.putAll(hostVars.get(name));
            vars.putAll(hostFileVars.getOrDefault(name, Map.of()));
            hosts.put(name, HostVars.toHost(name, vars, in));
        }
        return new Inventory(source, hosts, groupLists, warnings);
    }

    /**
     * Every group, lowest precedence first, sorted as Ansible sorts them: by depth from {@code all},
     * then by {@code ansible_group_priority} (default 1), then by name.
     */
    private List<String> precedence() {
        Map<String, Integer> depth = new HashMap<>();
        List<String> order = new ArrayList<>(groups.keySet());
        for (String g : order) depth(g, depth);
        depth.put(ALL, 0);
        order.sort(Comparator.comparing((String g) -> depth.get(g)).thenComparing(this::priority)
                .thenComparing(Comparator.naturalOrder()));
        return order;
    }

    private int priority(String group) {
        Group g = groups.get(group);
        String p = g.vars.getOrDefault(PRIORITY, g.fileVars.get(PRIORITY));
        return p == null ? 1 : Integer.parseInt(p.strip());
    }

    /**
     * A group's hosts in the order Ansible's {@code Group.get_hosts()} gives them, the order its
     * subscripts ({@code web[0]}) index: the group's own hosts, then its children's, breadth first.
     * {@code all}'s children are {@code ungrouped}, then every group without another parent.
     */
    private List<String> hostsInAnsibleOrder(String group, List<String> ungrouped) {
        List<String> walk = new ArrayList<>(List.of(group));
        Set<String> seen = new HashSet<>(walk);
        for (int i = 0; i < walk.size(); i++) {
            for (String child : childrenOf(walk.get(i))) if (seen.add(child)) walk.add(child);
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (String g : walk) hosts.addAll(g.equals(UNGROUPED) ? ungrouped : groups.get(g).hosts);
        return new ArrayList<>(hosts);
    }

    private List<String> childrenOf(String group) {
        if (!group.equals(ALL)) return new ArrayList<>(groups.get(group).children);
        List<String> top = new ArrayList<>(List.of(UNGROUPED));
        groups.forEach((name, g) -> {
            boolean topLevel = g.parents.isEmpty() || g.parents.contains(ALL);
            if (!name.equals(ALL) && !name.equals(UNGROUPED) && topLevel) top.add(name);
        });
        return top;
    }

    private Set<String> members(String group, Set<String> out) {
        Group g = groups.get(group);
        out.addAll(g.hosts);
        for (String c : g.children) members(c, out);
        return out;
    }

    private int depth(String group, Map<String, Integer> memo) {
        if (group.equals(ALL)) return 0;
        Integer known = memo.get(group);
        if (known != null) return known;
        int d = 1;
        for (String p : groups.get(group).parents) d = Math.max(d, depth(p, memo) + 1);
        memo.put(group, d);
        return d;
    }
}

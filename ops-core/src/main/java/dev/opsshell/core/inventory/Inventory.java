package dev.opsshell.core.inventory;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hosts and groups an operator works with, as loaded from an inventory file (or just
 * {@code localhost} when there is none). Immutable. {@link #select(String)} turns a pattern
 * such as {@code web:&prod:!db} into a {@link Hosts} group.
 */
public final class Inventory {
    private final String source;
    private final Map<String, Host> hosts;
    private final Map<String, List<String>> groups;
    private final List<String> warnings;

    /**
     * @param source where it came from, for messages
     * @param hosts  every host by name, in file order
     * @param groups every group's member host names (children already folded in), in Ansible's
     *               order: the group's own hosts, then its children's, breadth first (what
     *               subscripts such as {@code web[0]} index)
     */
    public Inventory(String source, Map<String, Host> hosts, Map<String, List<String>> groups) {
        this(source, hosts, groups, List.of());
    }

    /**
     * @param warnings things the operator should know that did not stop loading (a skipped
     *                 ansible-vault file), for the shell to print once
     */
    public Inventory(String source, Map<String, Host> hosts, Map<String, List<String>> groups, List<String> warnings) {
        this.warnings = List.copyOf(warnings);
        this.source = source;
        this.hosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
        Map<String, List<String>> g = new LinkedHashMap<>();
        groups.forEach((k, v) -> g.put(k, List.copyOf(v)));
        this.groups = java.util.Collections.unmodifiableMap(g);
    }

    /** No inventory: only {@code localhost}, run through the local transport. */
    public static Inventory localOnly() {
        Map<String, Host> h = new LinkedHashMap<>();
        h.put("localhost", Host.of("localhost"));
        return new Inventory("(no inventory: localhost only)", h, Map.of("all", List.of("localhost")));
    }

    public String source() {
        return source;
    }

    /** What loading noticed but did not fail on, such as an encrypted vars file it skipped. */
    public List<String> warnings() {
        return warnings;
    }

    /** Every inventory host in file order (not the implicit localhost); the shell completes these. */
    public List<Host> hosts() {
        return new ArrayList<>(hosts.values());
    }

    /** How many hosts it holds, in words: {@code 1 host}, {@code 12 hosts}. */
    public String hostCount() {
        return hosts.size() == 1 ? "1 host" : hosts.size() + " hosts";
    }

    public Optional<Host> host(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    public Map<String, List<String>> groups() {
        return groups;
    }

    /** Every group name, {@code all} and {@code ungrouped} first, then file order; the shell completes these. */
    public List<String> groupNames() {
        return new ArrayList<>(groups.keySet());
    }

    /**
     * The hosts a pattern selects, in inventory order. Throws {@link InventoryException} when the
     * pattern names an unknown group or host, or selects nothing: an empty run is never a success.
     */
    public Hosts select(String pattern) {
        List<Host> selected = HostPattern.parse(pattern).select(this);
        if (selected.isEmpty()) {
            throw new InventoryException("pattern '" + pattern + "' selects no hosts in " + source
                    + "; groups: " + groupsForMessages());
        }
        return Hosts.of(pattern, selected);
    }

    /** The group names for an error message: all of them, or the first 30 and how many more. */
    String groupsForMessages() {
        List<String> names = groupNames();
        if (names.size() <= 30) return String.join(", ", names);
        return String.join(", ", names.subList(0, 30)) + " … and " + (names.size() - 30) + " more";
    }

    @Override
    public String toString() {
        return "Inventory " + source + ": " + hosts.size() + " hosts, groups " + groupsForMessages();
    }
}

package dev.opsshell.core.inventory;

import dev.opsshell.core.host.Host;

import java.util.ArrayList;
import java.util.List;

/**
 * A host pattern, as Ansible writes them: {@code web}, {@code web:&prod:!db}, {@code *},
 * {@code ~regex}, node sets {@code web[01-20]}.
 * TODO(inventory): only plain names and groups are understood so far.
 */
final class HostPattern {
    private final String text;

    private HostPattern(String text) {
        this.text = text;
    }

    static HostPattern parse(String text) {
        return new HostPattern(text.strip());
    }

    List<Host> select(Inventory inventory) {
        List<Host> out = new ArrayList<>();
        if (inventory.groups().containsKey(text)) {
            for (String n : inventory.groups().get(text)) inventory.host(n).ifPresent(out::add);
            return out;
        }
        inventory.host(text).ifPresent(out::add);
        if (out.isEmpty()) {
            throw new InventoryException("no group or host named '" + text + "' in " + inventory.source());
        }
        return out;
    }
}

package dev.opsshell.core.store;

import dev.opsshell.core.system.Machine;

import java.util.List;

/**
 * Picks the one machine an id prefix names, as git does with commit ids: an exact id wins, else
 * the prefix must match exactly one; the errors say what matched and what to type.
 */
final class IdPrefix {
    private static final int SHOWN = 5;

    private IdPrefix() {
    }

    static void check(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new StoreException("give the first characters of a system's id; `systems()` lists them");
        }
    }

    static Machine pick(String prefix, List<Machine> matches) {
        for (Machine m : matches) if (m.id().equals(prefix)) return m;
        if (matches.size() == 1) return matches.get(0);
        if (matches.isEmpty()) {
            throw new StoreException("no system with an id starting '" + prefix + "'; `systems()` lists them");
        }
        List<String> ids = matches.stream().map(Machine::id).sorted().toList();
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN, ids.size()); i++) {
            if (i > 0) shown.append(", ");
            shown.append(distinct(ids, ids.get(i), prefix.length())).append('…');
        }
        if (ids.size() > SHOWN) shown.append(", …");
        throw new StoreException("'" + prefix + "' matches " + ids.size() + " systems (" + shown + "): type more of the id");
    }

    /** The shortest start of {@code id}, longer than the prefix, that no other id in {@code ids} shares. */
    private static String distinct(List<String> ids, String id, int prefixLength) {
        for (int n = prefixLength + 1; n < id.length(); n++) {
            String start = id.substring(0, n);
            if (ids.stream().filter(other -> other.startsWith(start)).count() == 1) return start;
        }
        return id;
    }
}

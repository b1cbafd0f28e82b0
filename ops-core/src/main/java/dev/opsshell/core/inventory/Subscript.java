package dev.opsshell.core.inventory;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ansible subscript at the end of a pattern term, read as ansible-core 2.14 reads it
 * ({@code InventoryManager._split_subscript} and {@code _apply_subscript}): {@code web[0]} the first
 * host, {@code web[-1]} the last, {@code web[0:2]} the first three (both ends included),
 * {@code web[1:]} all but the first. Two of Ansible's quirks are kept on purpose, so a pattern
 * selects here what it selects there: an end of 0 ({@code web[2:0]}) means the start alone, and
 * a range past the end is cut short rather than refused. A dash range ({@code web[01-03]}) is not a
 * subscript here: ops reads it as a node set of host names.
 *
 * @param target the term without its subscript ({@code web} for {@code web[0:2]})
 * @param start  the first index; negative counts from the end (single indexes only)
 * @param end    the last index included, -1 for "to the end", or null for a single index
 */
record Subscript(String target, int start, Integer end) {
    private static final Pattern FORM = Pattern.compile("^(.+)\\[(?:(-?\\d{1,9})|(\\d{1,9}):(\\d{0,9}))]$");

    /** The subscript a term ends with, if it has one in Ansible's form; never for a regex term. */
    static Optional<Subscript> of(String word) {
        if (word.startsWith("~")) return Optional.empty();
        Matcher m = FORM.matcher(word);
        if (!m.matches()) return Optional.empty();
        if (m.group(2) != null) return Optional.of(new Subscript(m.group(1), Integer.parseInt(m.group(2)), null));
        int end = m.group(4).isEmpty() ? -1 : Integer.parseInt(m.group(4));
        return Optional.of(new Subscript(m.group(1), Integer.parseInt(m.group(3)), end));
    }

    /**
     * The part of {@code hosts} this subscript picks. Throws {@link IndexOutOfBoundsException} for a
     * single index outside the list, as Ansible raises IndexError there.
     */
    <T> List<T> apply(List<T> hosts) {
        if (hosts.isEmpty()) return hosts;
        if (end == null || end == 0) {
            int at = start < 0 ? hosts.size() + start : start;
            if (at < 0 || at >= hosts.size()) throw new IndexOutOfBoundsException(start);
            return List.of(hosts.get(at));
        }
        int last = end == -1 ? hosts.size() - 1 : end;
        int from = Math.min(start, hosts.size());
        int to = Math.min(last + 1, hosts.size());
        return from >= to ? List.of() : List.copyOf(hosts.subList(from, to));
    }

}

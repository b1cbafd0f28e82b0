package dev.opsshell.shell.repl;

import dev.opsshell.core.inventory.Inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion of inventory group and host names while the cursor is inside {@code hosts("…}:
 * after {@code hosts("we} it offers {@code web}, {@code web01}…; after {@code hosts("web:&pr} it
 * completes the word after the last pattern operator ({@code : & ! ,}).
 */
final class HostCompletion {
    private static final Pattern OPEN_HOSTS = Pattern.compile("\\bhosts\\(\\s*\"([^\"]*)$");

    /**
     * @param anchor where the word being completed starts in the line
     * @param names  the group names, then the host names, that start with that word
     */
    record Candidates(int anchor, List<String> groups, List<String> hosts) {
        Candidates {
            groups = List.copyOf(groups);
            hosts = List.copyOf(hosts);
        }
    }

    private HostCompletion() {
    }

    /** Candidates when the cursor sits inside an open {@code hosts("} string, else empty. */
    static Optional<Candidates> at(String line, int cursor, Inventory inventory) {
        String before = line.substring(0, Math.min(cursor, line.length()));
        Matcher m = OPEN_HOSTS.matcher(before);
        if (!m.find()) return Optional.empty();
        String pattern = m.group(1);
        int wordStart = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == ':' || c == '&' || c == '!' || c == ',') wordStart = i + 1;
        }
        String word = pattern.substring(wordStart);
        int anchor = m.start(1) + wordStart;
        List<String> groups = new ArrayList<>();
        for (String g : inventory.groupNames()) if (g.startsWith(word)) groups.add(g);
        Set<String> hosts = new LinkedHashSet<>();
        inventory.hosts().forEach(h -> {
            if (h.name().startsWith(word) && !groups.contains(h.name())) hosts.add(h.name());
        });
        return Optional.of(new Candidates(anchor, groups, new ArrayList<>(hosts)));
    }
}

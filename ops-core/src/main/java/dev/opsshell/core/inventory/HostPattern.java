package dev.opsshell.core.inventory;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.NodeSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A host pattern, as Ansible writes them, evaluated against an {@link Inventory}.
 * <ul>
 * <li>{@code all} or {@code *}: every inventory host;</li>
 * <li>a group name (its hosts, through children) or a host name;</li>
 * <li>{@code a:b} or {@code a,b}: union; {@code a:&b}: intersection; {@code a:!b}: exclusion.
 *     As in Ansible, unions are taken first, then intersections, then exclusions, whatever the
 *     order written; a pattern of only {@code &}/{@code !} terms starts from {@code all};</li>
 * <li>globs {@code web*}, {@code db-?}: every group and host whose whole name matches;</li>
 * <li>{@code ~regex}: every group and host whose name the regex matches from its start
 *     (Python's {@code re.match}, as Ansible does);</li>
 * <li>subscripts, as Ansible reads them ({@link Subscript}): {@code web[0]}, {@code web[-1]},
 *     {@code web[0:2]} (both ends included), {@code web[1:]} after a group name, a host name or a
 *     glob pick from the hosts it names, in Ansible's order;</li>
 * <li>node sets {@code web[01-03,07]}: expanded with {@link NodeSet#expand}, each name then read as
 *     a plain name. A bracket is a node set when it holds a dash range or a list, or when the name
 *     before it is no group, host or glob ({@code node[1:3]} with hosts node1…node3);</li>
 * <li>{@code localhost}: always resolves, to the inventory's {@code localhost} or else to this
 *     machine (local transport), even when the inventory does not list it.</li>
 * </ul>
 * A plain name that is neither a group nor a host is an <b>ad-hoc host</b> when it looks like an
 * address: it contains a dot ({@code 10.1.2.3}, {@code db.example.com}) or is an IPv6 literal
 * ({@code ::1}), or when it is written the way ssh and parallel-ssh take targets ({@link AdHocTarget}):
 * {@code user@host}, {@code host:port}, {@code user@host:port}, {@code [v6addr]:port}. It is dialled
 * as written, with default keys; an inventory host given a user or port ({@code root@web01},
 * {@code web01:2222}) keeps its other settings. A term of digits only after {@code :} is the port of
 * the host before it, never a group. Any other unknown word (such as {@code webz}) is taken for a mistyped group and is
 * an error listing the groups that exist; so is an unknown group after {@code &} or {@code !}, and a
 * union term (group, glob, regex) that selects nothing. Hosts come back in inventory order (ad-hoc
 * hosts after, in the order written), each once.
 */
final class HostPattern {
    /** A term of digits only: the port of the host before it ({@code 10.0.0.5:2222}), never a group. */
    private static final Pattern PORT_ONLY = Pattern.compile("\\d+");

    private record Term(char op, String word) {
        boolean hasPort() {
            String w = word.substring(word.lastIndexOf(']') + 1);
            return PORT_ONLY.matcher(w.substring(w.lastIndexOf(':') + 1)).matches() && w.contains(":");
        }
    }

    private final String text;
    private final List<Term> terms;

    private HostPattern(String text, List<Term> terms) {
        this.text = text;
        this.terms = terms;
    }

    static HostPattern parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new InventoryException("empty host pattern: name a group, a host, or all");
        List<Term> terms = new ArrayList<>();
        for (String part : NodeSet.splitOutsideBrackets(t, ',')) {
            String p = part.strip();
            String bare = p.replaceFirst("^[!&]", "");
            List<String> words = AdHocTarget.isIpv6(bare.substring(bare.indexOf('@') + 1))
                    ? List.of(p) : NodeSet.splitOutsideBrackets(p, ':');
            for (String w : words) {
                String word = w.strip();
                if (PORT_ONLY.matcher(word).matches() && !terms.isEmpty() && !terms.get(terms.size() - 1).hasPort()) {
                    Term host = terms.remove(terms.size() - 1); // host:port, as ssh and parallel-ssh write it
                    terms.add(new Term(host.op(), host.word() + ":" + word));
                    continue;
                }
                char op = word.startsWith("&") || word.startsWith("!") ? word.charAt(0) : ' ';
                if (op != ' ') word = word.substring(1).strip();
                if (word.isEmpty()) {
                    throw new InventoryException("empty term in host pattern '" + t
                            + "': expected names between the separators, as in web:&prod:!db");
                }
                terms.add(new Term(op, word));
            }
        }
        return new HostPattern(t, terms);
    }

    List<Host> select(Inventory inv) {
        Map<String, Host> chosen = new LinkedHashMap<>();
        List<Term> unions = terms.stream().filter(x -> x.op() == ' ').toList();
        if (unions.isEmpty()) unions = List.of(new Term(' ', "all"));
        for (Term u : unions) for (Host h : resolve(inv, u)) chosen.putIfAbsent(h.name(), h);
        for (Term x : terms) {
            if (x.op() == ' ') continue;
            Set<String> names = new LinkedHashSet<>();
            for (Host h : resolve(inv, x)) names.add(h.name());
            if (x.op() == '&') chosen.keySet().retainAll(names);
            else chosen.keySet().removeAll(names);
        }
        List<Host> out = new ArrayList<>();
        for (Host h : inv.hosts()) if (chosen.remove(h.name()) != null) out.add(h);
        out.addAll(chosen.values());
        return out;
    }

    private List<Host> resolve(Inventory inv, Term term) {
        String w = term.word();
        if (w.equals("all") || w.equals("*")) return everyHost(inv);
        if (w.startsWith("~")) return matching(inv, term, regex(w.substring(1)));
        if (AdHocTarget.isBracketed(w)) return literal(inv, term, w);
        Optional<Subscript> subscript = Subscript.of(w).filter(s -> subscriptable(inv, s.target()));
        if (subscript.isPresent()) return subscripted(inv, term, subscript.get());
        if (w.contains("[") || w.contains("]")) return nodeSet(inv, term);
        if (isGlob(w)) return matching(inv, term, glob(w));
        return literal(inv, term, w);
    }

    /** The group {@code all} (which a view such as the agents' may narrow), else every host. */
    private static List<Host> everyHost(Inventory inv) {
        return inv.groups().containsKey("all") ? members(inv, "all") : inv.hosts();
    }

    /** As in Ansible, a subscript follows a group name, a host name or a glob; anything else is a node set. */
    private static boolean subscriptable(Inventory inv, String target) {
        if (target.contains("[") || target.contains("]")) return false;
        return isGlob(target) || inv.groups().containsKey(target) || inv.host(target).isPresent();
    }

    private List<Host> subscripted(Inventory inv, Term term, Subscript subscript) {
        List<Host> named = enumerate(inv, subscript.target());
        if (named.isEmpty()) { // an empty group or a glob matching nothing: say so as without the subscript
            return isGlob(subscript.target()) ? matching(inv, term, glob(subscript.target()))
                    : literal(inv, term, subscript.target());
        }
        List<Host> picked;
        try {
            picked = subscript.apply(named);
        } catch (IndexOutOfBoundsException e) {
            throw new InventoryException("no host at '" + term.word() + "' in pattern '" + text + "': '"
                    + subscript.target() + "' names " + named.size() + " hosts, indexes 0 to " + (named.size() - 1)
                    + " (or -1 for the last)");
        }
        if (picked.isEmpty() && term.op() == ' ') {
            throw new InventoryException("'" + term.word() + "' in pattern '" + text + "' selects no hosts: '"
                    + subscript.target() + "' names " + named.size() + " hosts, indexes 0 to " + (named.size() - 1));
        }
        Map<String, Host> unique = new LinkedHashMap<>();
        for (Host h : picked) unique.putIfAbsent(h.name(), h);
        return new ArrayList<>(unique.values());
    }

    /**
     * The hosts a subscript counts, listed as Ansible's {@code _enumerate_matches} lists them: the
     * hosts of every matching group in group order, then, for a glob or when no group matched, the
     * matching hosts in inventory order. Duplicates stay, as they do there.
     */
    private static List<Host> enumerate(Inventory inv, String target) {
        Pattern p = isGlob(target) ? glob(target) : Pattern.compile(Pattern.quote(target) + "$");
        List<Host> out = new ArrayList<>();
        boolean groupMatched = false;
        for (String g : inv.groupNames()) {
            if (!p.matcher(g).lookingAt()) continue;
            groupMatched = true;
            out.addAll(members(inv, g));
        }
        if (!groupMatched || isGlob(target) || target.contains(".")) {
            for (Host h : inv.hosts()) if (p.matcher(h.name()).lookingAt()) out.add(h);
        }
        return out;
    }

    private static boolean isGlob(String word) {
        return word.contains("*") || word.contains("?");
    }

    private List<Host> nodeSet(Inventory inv, Term term) {
        List<String> names;
        try {
            names = NodeSet.expand(term.word());
        } catch (IllegalArgumentException e) {
            throw new InventoryException("in host pattern '" + text + "': " + e.getMessage());
        }
        List<Host> out = new ArrayList<>();
        for (String n : names) out.addAll(literal(inv, term, n));
        return out;
    }

    private List<Host> literal(Inventory inv, Term term, String w) {
        if (inv.groups().containsKey(w)) {
            List<Host> members = members(inv, w);
            if (members.isEmpty() && term.op() == ' ') {
                throw new InventoryException("group '" + w + "' in " + inv.source()
                        + " has no hosts; add hosts under [" + w + "] or choose another group");
            }
            return members;
        }
        if (inv.host(w).isPresent()) return List.of(inv.host(w).get());
        if (w.equals("localhost")) return List.of(Host.of("localhost"));
        Optional<AdHocTarget> target = AdHocTarget.parse(w, text);
        if (target.isPresent()) {
            String named = target.get().address();
            if (inv.groups().containsKey(named)) {
                throw new InventoryException("'" + w + "' in pattern '" + text + "' gives group '" + named + "' a user"
                        + " or port; they go with one host (such as root@web01 or web01:2222), or set ansible_user"
                        + " / ansible_port for the group in the inventory");
            }
            return List.of(target.get().host(w, inv.host(named)));
        }
        if (term.op() != ' ') {
            throw new InventoryException("no group named '" + w + "' in " + inv.source() + " (pattern '" + text
                    + "', after " + term.op() + "); groups: " + inv.groupsForMessages());
        }
        throw new InventoryException("no group or host named '" + w + "' in " + inv.source() + " (pattern '"
                + text + "'); groups: " + inv.groupsForMessages()
                + ". A machine outside the inventory is written as its address or full name, such as 10.0.0.5 or root@10.0.0.5:2222");
    }

    private static List<Host> members(Inventory inv, String group) {
        List<Host> out = new ArrayList<>();
        for (String n : inv.groups().get(group)) inv.host(n).ifPresent(out::add);
        return out;
    }

    private List<Host> matching(Inventory inv, Term term, Pattern p) {
        Map<String, Host> out = new LinkedHashMap<>();
        for (String g : inv.groupNames()) {
            if (p.matcher(g).lookingAt()) for (Host h : members(inv, g)) out.putIfAbsent(h.name(), h);
        }
        for (Host h : inv.hosts()) if (p.matcher(h.name()).lookingAt()) out.putIfAbsent(h.name(), h);
        if (out.isEmpty() && term.op() == ' ') {
            throw new InventoryException("'" + term.word() + "' matches no group or host in " + inv.source()
                    + "; groups: " + inv.groupsForMessages());
        }
        return new ArrayList<>(out.values());
    }

    private Pattern regex(String re) {
        try {
            return Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            throw new InventoryException("bad regular expression '~" + re + "' in host pattern '" + text
                    + "': " + e.getDescription());
        }
    }

    /** A shell glob ({@code *}, {@code ?}) as a regex that must match the whole name. */
    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char c : g.toCharArray()) {
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.append('$').toString());
    }

    @Override
    public String toString() {
        return text;
    }
}

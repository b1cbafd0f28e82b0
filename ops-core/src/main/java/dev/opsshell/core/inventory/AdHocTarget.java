package dev.opsshell.core.inventory;

import dev.opsshell.core.host.Host;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host named in a pattern the way operators write targets for ssh and parallel-ssh:
 * {@code host}, {@code user@host}, {@code host:port}, {@code user@host:port}, {@code [v6addr]:port},
 * {@code [::1]}, {@code ::1}. The word as written becomes the host's name; an inventory host given a
 * user or port keeps its variables and groups.
 *
 * @param user    the login user, or null for the default
 * @param address the address or name to dial (an IPv6 address without its brackets)
 * @param port    the port, or 0 for the default
 */
record AdHocTarget(String user, String address, int port) {
    static final String FORMS = "user@host, host:port, user@host:port, [v6addr]:port or [::1]";
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f]*:[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(%\\w+)?$");
    private static final Pattern BRACKETED = Pattern.compile("^\\[([^\\]]*)](?::(.*))?$");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    /** True for an IPv6 address written bare: {@code ::1}, {@code fe80::1%eth0}. */
    static boolean isIpv6(String s) {
        return IPV6.matcher(s).matches();
    }

    /** True when the word (after an optional {@code user@}) starts with a bracketed IPv6 address, not a node set. */
    static boolean isBracketed(String word) {
        String hostPart = word.substring(word.indexOf('@') + 1);
        if (!hostPart.startsWith("[")) return false;
        int close = hostPart.indexOf(']');
        String inside = close < 0 ? hostPart.substring(1) : hostPart.substring(1, close);
        return inside.chars().filter(c -> c == ':').count() >= 2;
    }

    /**
     * Reads {@code word} as a target. Empty when it is a plain word with nothing that marks it as a
     * host (no {@code @}, port, dot or IPv6 address), which the pattern takes for a mistyped group;
     * throws {@link InventoryException} saying what is expected when it is a malformed target.
     */
    static Optional<AdHocTarget> parse(String word, String pattern) {
        int at = word.indexOf('@');
        if (at != word.lastIndexOf('@')) throw malformed(word, pattern, "it has two '@'");
        String user = at < 0 ? null : word.substring(0, at);
        if (user != null && user.isEmpty()) throw malformed(word, pattern, "no user before the '@'");
        String rest = word.substring(at + 1);
        if (rest.isEmpty()) throw malformed(word, pattern, "no host after the '@'");
        if (isBracketed(rest) || rest.startsWith("[")) return Optional.of(bracketed(word, pattern, user, rest));
        if (isIpv6(rest)) return Optional.of(new AdHocTarget(user, rest, 0));
        int colon = rest.lastIndexOf(':');
        String address = colon < 0 ? rest : rest.substring(0, colon);
        int port = colon < 0 ? 0 : port(word, pattern, rest.substring(colon + 1));
        if (address.isEmpty()) throw malformed(word, pattern, "no host before the ':'");
        if (address.contains(":")) throw malformed(word, pattern, "write an IPv6 address with a port in brackets, [" + address + "]:" + port);
        boolean marked = user != null || colon >= 0 || address.contains(".");
        return marked ? Optional.of(new AdHocTarget(user, address, port)) : Optional.empty();
    }

    private static AdHocTarget bracketed(String word, String pattern, String user, String rest) {
        Matcher m = BRACKETED.matcher(rest);
        if (!m.matches()) throw malformed(word, pattern, "a bracketed IPv6 address is [v6addr] or [v6addr]:port");
        if (!isIpv6(m.group(1))) throw malformed(word, pattern, "'" + m.group(1) + "' is not an IPv6 address");
        int port = m.group(2) == null ? 0 : port(word, pattern, m.group(2));
        return new AdHocTarget(user, m.group(1), port);
    }

    private static int port(String word, String pattern, String text) {
        int port = PORT.matcher(text).matches() ? Integer.parseInt(text) : -1;
        if (port < 1 || port > 65535) {
            throw malformed(word, pattern, "the port must be a number 1-65535, not '" + text + "'");
        }
        return port;
    }

    private static InventoryException malformed(String word, String pattern, String why) {
        return new InventoryException("bad host '" + word + "' in pattern '" + pattern + "': " + why
                + "; a host outside the inventory is written " + FORMS);
    }

    /** This target as a host named {@code word}: an inventory host's own settings with the user or port given. */
    Host host(String word, Optional<Host> known) {
        if (known.isPresent()) {
            Host h = known.get();
            return new Host(word, h.address(), port > 0 ? port : h.port(), user != null ? user : h.user(), h.vars(),
                    h.groups());
        }
        return new Host(word, address, port, user, Map.of(), List.of());
    }
}

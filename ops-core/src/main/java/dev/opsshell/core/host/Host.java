package dev.opsshell.core.host;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One machine the shell can reach: its inventory name, the address to dial, port, login user,
 * variables (inventory vars such as {@code ansible_ssh_private_key_file}) and the groups it is in.
 * A port of 0 and a null user mean "whatever ssh config or the transport defaults to".
 */
public record Host(String name, String address, int port, String user,
                   Map<String, String> vars, List<String> groups) {

    public Host {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("a host needs a name");
        address = address == null || address.isBlank() ? name : address;
        vars = Map.copyOf(vars == null ? Map.of() : vars);
        groups = List.copyOf(groups == null ? List.of() : groups);
    }

    /** A host known only by name, dialled as itself with default port and user. */
    public static Host of(String name) {
        return new Host(name, name, 0, null, Map.of(), List.of());
    }

    /** The value of an inventory variable, if set. */
    public Optional<String> var(String key) {
        return Optional.ofNullable(vars.get(key));
    }

    /** True for the machine the shell runs on, which the local transport serves. */
    public boolean isLocal() {
        return "local".equals(vars.get("ansible_connection"))
                || "local".equals(vars.get("ops_transport"))
                || (name.equals("localhost") && !vars.containsKey("ansible_host") && port == 0);
    }

    public Host withGroups(List<String> newGroups) {
        return new Host(name, address, port, user, vars, newGroups);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name);
        if (!address.equals(name) || port > 0 || user != null) {
            s.append(" (");
            if (user != null) s.append(user).append('@');
            s.append(address);
            if (port > 0) s.append(':').append(port);
            s.append(')');
        }
        return s.toString();
    }
}

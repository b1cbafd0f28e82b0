package dev.opsshell.remote.hub;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.inventory.InventoryException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Host selection for agents: the inventory's hosts a pattern selects, plus the connected agents
 * whose names it matches ({@code web*}, {@code db1,db2}); {@code *} is every connected agent. An
 * agent that is not in the inventory becomes a host of its own name. Always reached via the agent.
 */
public final class AgentHosts {
    private AgentHosts() {
    }

    public static Hosts select(String pattern, Inventory inventory, List<AgentInfo> agents) {
        Map<String, Host> out = new LinkedHashMap<>();
        boolean everyAgent = pattern.strip().equals("*");
        try {
            if (!everyAgent) for (Host h : inventory.select(pattern)) out.put(h.name(), h);
        } catch (InventoryException e) {
            // the pattern names no inventory group or host: it may still name agents
        }
        for (AgentInfo a : agents) {
            if (a.connected() && !out.containsKey(a.name()) && matches(pattern, a.name())) {
                out.put(a.name(), inventory.host(a.name()).orElse(Host.of(a.name())));
            }
        }
        if (out.isEmpty()) {
            throw new InventoryException("pattern '" + pattern + "' selects no inventory host and no connected agent"
                    + "; connected: " + String.join(", ", agents.stream().filter(AgentInfo::connected)
                    .map(AgentInfo::name).toList()));
        }
        return new Hosts(pattern, new ArrayList<>(out.values()), AgentTransport.NAME);
    }

    /** True when one of the pattern's plain terms (split at ',' and ':') matches the name as a glob. */
    static boolean matches(String pattern, String name) {
        for (String term : pattern.split("[,:]")) {
            term = term.strip();
            if (term.isEmpty() || term.startsWith("!") || term.startsWith("&")) continue;
            if (glob(term).matcher(name).matches()) return true;
        }
        return false;
    }

    private static Pattern glob(String term) {
        StringBuilder re = new StringBuilder();
        for (char c : term.toCharArray()) {
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }
}

package dev.opsshell.remote.hub;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.inventory.InventoryException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Host selection for agents, in the inventory's own pattern language ({@code web*:!web2},
 * {@code prod:&web}, {@code web[0]}): the pattern is evaluated over the inventory's hosts plus every
 * connected agent, an agent that is not in the inventory being a host of its own name. {@code all}
 * and {@code *} (and a pattern of only exclusions) start from every connected agent rather than
 * every inventory host. Always reached via the agent.
 */
public final class AgentHosts {
    private AgentHosts() {
    }

    public static Hosts select(String pattern, Inventory inventory, List<AgentInfo> agents) {
        List<String> connected = agents.stream().filter(AgentInfo::connected).map(AgentInfo::name).toList();
        try {
            Hosts chosen = view(inventory, connected).select(pattern);
            return new Hosts(pattern, chosen.list(), AgentTransport.NAME);
        } catch (InventoryException e) {
            throw new InventoryException(e.getMessage() + "; connected agents: "
                    + (connected.isEmpty() ? "none" : String.join(", ", connected)));
        }
    }

    /** The inventory with the connected agents added, and {@code all} narrowed to those agents. */
    static Inventory view(Inventory inventory, List<String> connected) {
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (Host h : inventory.hosts()) hosts.put(h.name(), h);
        for (String name : connected) hosts.putIfAbsent(name, Host.of(name));
        Map<String, List<String>> groups = new LinkedHashMap<>(inventory.groups());
        groups.put("all", new ArrayList<>(connected));
        return new Inventory(inventory.source() + " and the connected agents", hosts, groups);
    }
}

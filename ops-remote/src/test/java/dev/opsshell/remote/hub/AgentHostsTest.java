package dev.opsshell.remote.hub;

import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.inventory.InventoryException;
import dev.opsshell.core.inventory.InventoryLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Agent selection speaks the inventory's pattern language over the inventory plus the connected agents. */
class AgentHostsTest {
    private static final Inventory INV = InventoryLoader.parse(Path.of("inventory.ini"),
            "[web]\nweb1\nweb2\nweb3\n[db]\ndb1\n[prod:children]\nweb\ndb\n");

    private static AgentInfo agent(String name, String state) {
        return new AgentInfo(name, state, null, null, Instant.now(), Instant.now(), "0.1.0", Map.of());
    }

    private static List<AgentInfo> connected(String... names) {
        return java.util.Arrays.stream(names).map(n -> agent(n, AgentInfo.CONNECTED)).toList();
    }

    private static List<String> select(String pattern, List<AgentInfo> agents) {
        return AgentHosts.select(pattern, INV, agents).names();
    }

    @Test
    void anExclusionRemovesTheAgentItNames() {
        List<AgentInfo> agents = connected("web1", "web2", "web9");
        assertEquals(List.of("web1", "web3", "web9"), select("web*:!web2", agents));
        assertEquals(List.of("web1", "web9"), select("!web2", agents), "only exclusions start from every agent");
    }

    @Test
    void globsMatchInventoryHostsAndAgentsOutsideTheInventory() {
        assertEquals(List.of("web1", "web2", "web3", "web9"), select("web*", connected("web9", "db7")));
        assertEquals(List.of("web1", "web2", "web3", "web9", "web10"), select("web?,web1?", connected("web9", "web10")));
        assertEquals(List.of("db7"), select("~db[0-9]{1}$:!db1", connected("db7")));
    }

    @Test
    void inventoryGroupsIntersectionsAndSubscriptsWork() {
        List<AgentInfo> agents = connected("web1", "db1", "lone");
        assertEquals(List.of("web1", "web2", "web3", "db1"), select("prod", agents));
        assertEquals(List.of("web1", "db1"), select("*:&prod", agents), "connected agents that are in prod");
        assertEquals(List.of("web3"), select("web[-1]", agents));
        assertEquals("agent", AgentHosts.select("web", INV, agents).via());
    }

    @Test
    void starAndAllSelectEveryConnectedAgentButNotPendingOrDownOnes() {
        List<AgentInfo> agents = List.of(agent("a", AgentInfo.CONNECTED), agent("b", AgentInfo.PENDING),
                agent("c", AgentInfo.DOWN), agent("d", AgentInfo.CONNECTED));
        assertEquals(List.of("a", "d"), AgentHosts.select("*", Inventory.localOnly(), agents).names());
        assertEquals(List.of("a", "d"), AgentHosts.select("all", Inventory.localOnly(), agents).names());
        assertEquals(List.of("a"), AgentHosts.select("*:!d", Inventory.localOnly(), agents).names());
    }

    @Test
    void aPatternMatchingNothingSaysWhichAgentsAreConnected() {
        InventoryException e = assertThrows(InventoryException.class,
                () -> AgentHosts.select("zzz", Inventory.localOnly(), List.of(agent("a", AgentInfo.CONNECTED))));
        assertTrue(e.getMessage().contains("no group or host named 'zzz'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("connected agents: a"), e.getMessage());
        InventoryException none = assertThrows(InventoryException.class,
                () -> AgentHosts.select("*", Inventory.localOnly(), List.of(agent("b", AgentInfo.PENDING))));
        assertTrue(none.getMessage().endsWith("connected agents: none"), none.getMessage());
    }
}

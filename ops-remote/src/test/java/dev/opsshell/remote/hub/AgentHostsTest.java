package dev.opsshell.remote.hub;

import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.inventory.InventoryException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentHostsTest {
    private static AgentInfo agent(String name, String state) {
        return new AgentInfo(name, state, null, null, Instant.now(), Instant.now(), "0.1.0", Map.of());
    }

    @Test
    void globTermsMatchAgentNames() {
        assertTrue(AgentHosts.matches("*", "anything"));
        assertTrue(AgentHosts.matches("web*", "web12"));
        assertTrue(AgentHosts.matches("db1,web?", "web3"));
        assertFalse(AgentHosts.matches("web*:!web2", "db1"));
        assertFalse(AgentHosts.matches("web.1", "webx1"), "a dot is literal");
    }

    @Test
    void starSelectsEveryConnectedAgentButNotPendingOrDownOnes() {
        List<AgentInfo> agents = List.of(agent("a", AgentInfo.CONNECTED), agent("b", AgentInfo.PENDING),
                agent("c", AgentInfo.DOWN), agent("d", AgentInfo.CONNECTED));
        assertEquals(List.of("a", "d"), AgentHosts.select("*", Inventory.localOnly(), agents).names());
    }

    @Test
    void aPatternMatchingNothingSaysWhichAgentsAreConnected() {
        InventoryException e = assertThrows(InventoryException.class,
                () -> AgentHosts.select("zzz", Inventory.localOnly(), List.of(agent("a", AgentInfo.CONNECTED))));
        assertTrue(e.getMessage().contains("connected: a"), e.getMessage());
    }
}

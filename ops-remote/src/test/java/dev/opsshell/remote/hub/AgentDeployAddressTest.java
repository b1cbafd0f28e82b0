package dev.opsshell.remote.hub;

import dev.opsshell.core.host.Host;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which hub address a deployed agent dials, and a loopback-only hub refused for other machines. */
class AgentDeployAddressTest {
    private static final Host WEB1 = Host.of("web1");

    private static AgentDeploy.Target hubOn(String bind) {
        return new AgentDeploy.Target(null, null, "key", 4505, bind);
    }

    @Test
    void aHostDialsTheAddressItSeesSshComeFrom() {
        assertEquals("tcp://10.0.0.5:4505", AgentDeploy.endpointFor(hubOn("0.0.0.0"), "10.0.0.5", WEB1));
        assertEquals("tcp://127.0.0.1:4505", AgentDeploy.endpointFor(hubOn("127.0.0.1"), "127.0.0.1", WEB1));
        assertEquals("tcp://10.0.0.5:4505", AgentDeploy.endpointFor(hubOn(null), "10.0.0.5", WEB1));
    }

    @Test
    void aHubOnLoopbackOnlyIsRefusedForAnotherMachineWithWhatToSet() {
        HubException e = assertThrows(HubException.class,
                () -> AgentDeploy.endpointFor(hubOn("127.0.0.1"), "10.0.0.5", WEB1));
        String m = e.getMessage();
        assertTrue(m.contains("127.0.0.1") && m.contains("web1") && m.contains("10.0.0.5"), m);
        assertTrue(m.contains("OPS_HUB_BIND=0.0.0.0") && m.contains("ops hub --bind 0.0.0.0"), m);
    }
}

package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.JeromqPatch;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub, its shell clients and the agent JVMs the tests start all load ops' fixed jeromq poller. */
class JeromqClassPathTest {
    @Test
    void opsAgentComesBeforeJeromqOnThisModulesClassPath() {
        assertTrue(JeromqPatch.active(), JeromqPatch.WARNING + "; it came from "
                + zmq.poll.Poller.class.getProtectionDomain().getCodeSource().getLocation());
    }
}

package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.JeromqPatch;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub, its shell clients and the agent JVMs the tests start all load ops' jeromq poller and jnacl curve25519. */
class JeromqClassPathTest {
    @Test
    void opsAgentComesBeforeJeromqOnThisModulesClassPath() {
        assertTrue(JeromqPatch.active(), JeromqPatch.WARNING + "; they came from "
                + zmq.poll.Poller.class.getProtectionDomain().getCodeSource().getLocation() + " and "
                + com.neilalexander.jnacl.crypto.curve25519.class.getProtectionDomain().getCodeSource().getLocation());
    }
}

package dev.opsshell.shell;

import dev.opsshell.agent.protocol.JeromqPatch;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell's class path (the same order as ops-shell.jar's manifest Class-Path) loads ops' fixed
 * jeromq poller, not the jeromq jar's.
 */
class JeromqClassPathTest {
    @Test
    void opsAgentComesBeforeJeromqOnTheShellsClassPath() {
        assertTrue(JeromqPatch.active(), JeromqPatch.WARNING + "; they came from "
                + zmq.poll.Poller.class.getProtectionDomain().getCodeSource().getLocation() + " and "
                + com.neilalexander.jnacl.crypto.curve25519.class.getProtectionDomain().getCodeSource().getLocation());
    }
}

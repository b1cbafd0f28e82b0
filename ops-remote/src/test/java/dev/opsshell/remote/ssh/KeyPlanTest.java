package dev.opsshell.remote.ssh;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The order keys are offered in, as OpenSSH's pubkey_prepare orders them. */
class KeyPlanTest {
    private static final AgentKey A = key("a", 1);
    private static final AgentKey B = key("b", 2);
    private static final AgentKey C = key("c", 3);
    private static final Path FILE_B = Path.of("/keys/b");
    private static final Path FILE_X = Path.of("/keys/x");
    private static final Path NO_PUB = Path.of("/keys/encrypted-pem");
    private static final Map<Path, byte[]> PUBLIC = Map.of(FILE_B, B.blob(), FILE_X, new byte[] {9});

    private static AgentKey key(String comment, int b) {
        return new AgentKey("ssh-ed25519", new byte[] {0, 0, 0, 11, (byte) b}, comment);
    }

    private static KeyPlan plan(List<Path> files, boolean identitiesOnly) {
        return KeyPlan.of(files, List.of(A, B, C), identitiesOnly, f -> Optional.ofNullable(PUBLIC.get(f)));
    }

    @Test
    void theAgentsKeysComeFirstInItsOrderThenTheKeyFilesItDoesNotHold() {
        KeyPlan p = plan(List.of(FILE_X, FILE_B, NO_PUB), false);
        assertEquals(List.of(A, B, C), p.agentKeys());
        assertEquals(List.of(FILE_X, NO_PUB), p.files(), "FILE_B is signed by the agent, never unlocked");
    }

    @Test
    void identitiesOnlyKeepsOnlyTheAgentsCopiesOfTheNamedKeyFiles() {
        KeyPlan p = plan(List.of(FILE_X, FILE_B), true);
        assertEquals(List.of(B), p.agentKeys());
        assertEquals(List.of(FILE_X), p.files());
    }

    @Test
    void withoutAnAgentTheKeyFilesAreOfferedAsNamed() {
        KeyPlan p = KeyPlan.of(List.of(FILE_B, FILE_X), List.of(), true, f -> {
            throw new AssertionError("no agent: no public key needs reading");
        });
        assertEquals(List.of(), p.agentKeys());
        assertEquals(List.of(FILE_B, FILE_X), p.files());
    }
}

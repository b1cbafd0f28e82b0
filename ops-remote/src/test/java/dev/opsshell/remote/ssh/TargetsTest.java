package dev.opsshell.remote.ssh;

import dev.opsshell.core.host.Host;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TargetsTest {
    private final Targets targets = new Targets(SshConfig.parse("""
            Host web1
                HostName 10.0.0.1
                User deploy
                Port 2200
                IdentityFile /keys/web
                ProxyJump jump@bastion:2222
            Host bastion
                HostName 10.0.0.254
                IdentityFile /keys/bastion
            """), List.of(), null);

    @Test
    void sshConfigFillsWhatTheInventoryLeavesOpen() {
        Target t = targets.of(Host.of("web1"));
        assertEquals(new Endpoint("deploy", "10.0.0.1", 2200, new Endpoint("jump", "10.0.0.254", 2222, null)), t.endpoint());
        assertEquals(List.of(Path.of("/keys/web")), t.keys());
        assertEquals(List.of(Path.of("/keys/bastion"), Path.of("/keys/web")), t.jump().keys());
    }

    @Test
    void inventoryVariablesWinOverSshConfig() {
        Host h = new Host("web1", "192.168.1.5", 22, "admin",
                Map.of("ansible_ssh_private_key_file", "/keys/inv", "ops_jump", "10.9.9.9"), List.of());
        Target t = targets.of(h);
        assertEquals("admin", t.endpoint().user());
        assertEquals("192.168.1.5", t.endpoint().address());
        assertEquals(22, t.endpoint().port());
        assertEquals(Path.of("/keys/inv"), t.keys().get(0));
        assertEquals("10.9.9.9", t.endpoint().jump().address());
    }

    @Test
    void defaultsArePort22AndTheCurrentUserWithoutAJump() {
        Target t = targets.of(Host.of("plain"));
        assertEquals(new Endpoint(System.getProperty("user.name"), "plain", 22, null), t.endpoint());
        assertNull(t.jump());
    }

    @Test
    void aJumpChainConnectsHopByHop() {
        Target t = targets.chain("a@h1:2201,h2", List.of());
        assertEquals("h2", t.endpoint().address());
        assertEquals(new Endpoint("a", "h1", 2201, null), t.endpoint().jump());
    }

    @Test
    void jumpHostsAreFoundInAnsibleSshArguments() {
        assertEquals(Optional.of("u@b:22"), Targets.jumpFromArgs("-o StrictHostKeyChecking=no -J u@b:22"));
        assertEquals(Optional.of("b"), Targets.jumpFromArgs("-o ProxyJump=b -C"));
        assertEquals(Optional.empty(), Targets.jumpFromArgs("-C -o Compression=yes"));
    }

    @Test
    void theLoginPasswordNeverShowsInATarget() {
        Target t = targets.of(new Host("h", "h", 22, "u", Map.of("ansible_password", "s3cret"), List.of()));
        assertEquals("s3cret", t.password());
        assertEquals("u@h:22", t.toString());
    }

    @Test
    void identitiesOnlyAndIdentityAgentComeFromTheInventoryArgsThenTheSshConfig() {
        Targets t = new Targets(SshConfig.parse("""
                Host cfg
                    IdentitiesOnly yes
                    IdentityAgent ~/agent.sock
                Host off
                    IdentityAgent none
                """), List.of(), Path.of("/run/env-agent.sock"));
        Target fromConfig = t.of(Host.of("cfg"));
        assertEquals(true, fromConfig.identitiesOnly());
        assertEquals(Path.of(System.getProperty("user.home"), "agent.sock"), fromConfig.agent());
        Target fromArgs = t.of(new Host("cfg", "cfg", 0, null, Map.of("ansible_ssh_common_args",
                "-o IdentitiesOnly=no -o IdentityAgent=/tmp/other.sock"), List.of()));
        assertEquals(false, fromArgs.identitiesOnly());
        assertEquals(Path.of("/tmp/other.sock"), fromArgs.agent());
        assertNull(t.of(Host.of("off")).agent());
        assertEquals(Path.of("/run/env-agent.sock"), t.of(Host.of("plain")).agent(), "SSH_AUTH_SOCK by default");
        assertEquals(false, t.of(Host.of("plain")).identitiesOnly());
    }
}

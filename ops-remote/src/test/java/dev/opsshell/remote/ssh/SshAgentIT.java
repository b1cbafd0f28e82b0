package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging in to the OpenSSH lab with keys held by a real ssh-agent: encrypted keys loaded with
 * their passphrase, used with no key file named and no passphrase asked; OpenSSH's order, key files
 * the agent holds, IdentitiesOnly, and agents that hold nothing useful or are not there.
 */
@ExtendWith(SshLab.class)
class SshAgentIT {
    @TempDir
    Path tmp;

    private final SshLab.Lab lab = SshLab.lab();
    private final AtomicInteger prompts = new AtomicInteger();
    private SshAgentProcess agent;
    private Session session;

    @BeforeEach
    void startAgent() {
        agent = SshAgentProcess.start(tmp);
        session = lab.session();
        session.prompter(prompt -> {
            prompts.incrementAndGet();
            return Optional.of(lab.passphrase().toCharArray());
        });
    }

    @AfterEach
    void stopAgent() throws InterruptedException {
        agent.close();
    }

    /** A lab host named by its address, as root, with only the given variables (no key file unless named). */
    private Host host(String address, Map<String, String> vars) {
        return new Host(address, address, lab.port(), "root", vars, List.of("lab"));
    }

    private Result whoami(SshTransport ssh, Host host) {
        return ssh.exec(host, Command.of("id -un", session.settings()), OutputSink.NONE);
    }

    private SshTransport withAgent() {
        return new SshTransport(session, SshConfig.EMPTY, List.of(), agent.socket());
    }

    private Path stranger(String name) {
        Path key = tmp.resolve(name);
        SshHostKeyIT.shell("ssh-keygen -q -t ed25519 -N '' -C " + name + " -f " + key);
        return key;
    }

    @Test
    void anEncryptedEd25519KeyInTheAgentLogsInWithNoKeyFileAndNoPassphraseAsked() {
        agent.add(lab.encryptedKey(), lab.passphrase());
        try (SshTransport ssh = withAgent()) {
            Result r = whoami(ssh, host("127.0.1.60", Map.of()));
            assertEquals(Outcome.OK, r.outcome(), r::toString);
            assertEquals("root\n", r.stdout());
        }
        assertEquals(0, prompts.get(), "the agent signs: no passphrase is asked");
    }

    @Test
    void anEncryptedRsaKeyInTheAgentLogsInWithAnRsaSha2Signature() {
        // OpenSSH 8.8+ refuses SHA-1 ssh-rsa signatures: this login needs the agent's rsa-sha2 flags
        agent.add(lab.encryptedRsaKey(), lab.passphrase());
        try (SshTransport ssh = withAgent()) {
            Result r = whoami(ssh, host("127.0.1.61", Map.of()));
            assertEquals(Outcome.OK, r.outcome(), r::toString);
            assertEquals("root\n", r.stdout());
        }
        assertEquals(0, prompts.get());
    }

    @Test
    void aKeyFileWhoseKeyTheAgentHoldsIsSignedByTheAgentWithoutItsPassphrase() throws Exception {
        agent.add(lab.encryptedKey(), lab.passphrase());
        Path copy = tmp.resolve("only-private-part"); // no .pub beside it: the public key is read from the file
        Files.copy(lab.encryptedKey(), copy);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        try (SshTransport ssh = withAgent()) {
            Result r = whoami(ssh, host("127.0.1.62", Map.of("ansible_ssh_private_key_file", copy.toString())));
            assertEquals(Outcome.OK, r.outcome(), r::toString);
        }
        assertEquals(0, prompts.get(), "the file's key is in the agent: its passphrase is not asked");
    }

    @Test
    void aKeyFileWithAPassphraseIsAskedForOnlyAfterTheAgentKeysWereRefused() {
        Path otherEncrypted = tmp.resolve("other-encrypted");
        SshHostKeyIT.shell("ssh-keygen -q -t ed25519 -N 'other-pass' -f " + otherEncrypted);
        agent.add(lab.encryptedKey(), lab.passphrase());
        try (SshTransport ssh = withAgent()) {
            Result r = whoami(ssh, host("127.0.1.63", Map.of("ansible_ssh_private_key_file", otherEncrypted.toString())));
            assertEquals(Outcome.OK, r.outcome(), r::toString);
        }
        assertEquals(0, prompts.get(), "the agent's key was accepted first: the other key's passphrase is not needed");
    }

    @Test
    void whenTheAgentKeysAreRefusedTheKeyFileIsUnlockedAndTried() {
        agent.add(stranger("stranger"));
        try (SshTransport ssh = withAgent()) {
            Result r = whoami(ssh, host("127.0.1.64", Map.of("ansible_ssh_private_key_file", lab.encryptedKey().toString())));
            assertEquals(Outcome.OK, r.outcome(), r::toString);
        }
        assertEquals(1, prompts.get());
    }

    @Test
    void anAgentWithoutAMatchingKeyFailsWithAuthFailedNamingTheAgentKeyTried() {
        Path key = stranger("nobody-knows-me");
        agent.add(key);
        String fingerprint = SshHostKeyIT.shell("ssh-keygen -l -f " + key).split("\\s+")[1];
        try (SshTransport ssh = withAgent()) {
            Result r = whoami(ssh, host("127.0.1.65", Map.of()));
            assertEquals(Outcome.AUTH_FAILED, r.outcome(), r::toString);
            assertTrue(r.message().contains("'root'"), r.message());
            assertTrue(r.message().contains("agent keys ssh-ed25519 " + fingerprint + " (nobody-knows-me)"), r.message());
        }
    }

    @Test
    void identitiesOnlyOffersTheNamedKeyFilesAndNotTheAgentsOtherKeys() {
        agent.add(lab.encryptedKey(), lab.passphrase());
        Path named = stranger("named");
        try (SshTransport ssh = withAgent()) {
            Result plain = whoami(ssh, host("127.0.1.66", Map.of("ansible_ssh_private_key_file", named.toString())));
            assertEquals(Outcome.OK, plain.outcome(), "without IdentitiesOnly the agent's key is offered first: " + plain);
            Result only = whoami(ssh, host("127.0.1.67", Map.of("ansible_ssh_private_key_file", named.toString(),
                    "ansible_ssh_common_args", "-o IdentitiesOnly=yes")));
            assertEquals(Outcome.AUTH_FAILED, only.outcome(), only::toString);
            assertFalse(only.message().contains("agent keys"), only.message());
        }
    }

    @Test
    void identityAgentInTheSshConfigChoosesTheAgentAndNoneTurnsItOff() {
        agent.add(lab.encryptedKey(), lab.passphrase());
        SshConfig config = SshConfig.parse("""
                Host 127.0.1.69
                    IdentityAgent none
                Host *
                    IdentityAgent %s
                """.formatted(agent.socket()));
        try (SshTransport ssh = new SshTransport(session, config, List.of())) {
            Result viaConfig = whoami(ssh, host("127.0.1.68", Map.of()));
            assertEquals(Outcome.OK, viaConfig.outcome(), viaConfig::toString);
            Result none = whoami(ssh, host("127.0.1.69", Map.of()));
            assertEquals(Outcome.AUTH_FAILED, none.outcome(), none::toString);
        }
    }

    @Test
    void anAgentSocketWithNothingListeningIsSkippedWithANote() {
        Path gone = tmp.resolve("no-agent-here.sock");
        try (SshTransport ssh = new SshTransport(session, SshConfig.EMPTY, List.of(), gone)) {
            Result withKey = whoami(ssh, host("127.0.1.70", Map.of("ansible_ssh_private_key_file", lab.key().toString())));
            assertEquals(Outcome.OK, withKey.outcome(), withKey::toString);
            Result without = whoami(ssh, host("127.0.1.71", Map.of()));
            assertEquals(Outcome.AUTH_FAILED, without.outcome(), without::toString);
            assertTrue(without.message().contains("ssh-agent at " + gone) && without.message().contains("not used"),
                    without.message());
        }
    }

    @Test
    void anAgentHoldingMoreKeysThanSshdTriesFailsSayingSoAndIdentitiesOnlyGetsIn() {
        Path[] strangers = new Path[21]; // the lab's sshd allows MaxAuthTries 20
        for (int i = 0; i < strangers.length; i++) strangers[i] = stranger("stranger-" + i);
        agent.add(strangers);
        // 22 keys are 22 round trips with sshd before it hangs up: on a loaded machine that can outlast the lab's 5 s
        session.update(s -> s.withConnectTimeout(Duration.ofSeconds(15)));
        Map<String, String> labKey = Map.of("ansible_ssh_private_key_file", lab.key().toString());
        try (SshTransport ssh = withAgent()) {
            Result crowded = whoami(ssh, host("127.0.1.72", labKey));
            assertEquals(Outcome.AUTH_FAILED, crowded.outcome(), crowded::toString);
            assertTrue(crowded.message().contains("IdentitiesOnly"), crowded.message());
            Map<String, String> only = new java.util.HashMap<>(labKey);
            only.put("ansible_ssh_common_args", "-o IdentitiesOnly=yes");
            Result named = whoami(ssh, host("127.0.1.73", only));
            assertEquals(Outcome.OK, named.outcome(), named::toString);
        }
    }
}

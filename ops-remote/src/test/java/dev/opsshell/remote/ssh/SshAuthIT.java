package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logging in with keys (plain, wrong, passphrase-protected) and sudo with a password. */
@ExtendWith(SshLab.class)
class SshAuthIT {
    @TempDir
    Path tmp;

    private final SshLab.Lab lab = SshLab.lab();

    private static Result exec(SshTransport ssh, Session session, Host host, String line, boolean sudo) {
        return ssh.exec(host, Command.of(line, session.settings()).withSudo(sudo), OutputSink.NONE);
    }

    @Test
    void aKeyTheServerDoesNotKnowFailsWithAuthFailedNamingTheUserAndKey() {
        SshHostKeyIT.shell("ssh-keygen -q -t ed25519 -N '' -f " + tmp.resolve("stranger"));
        Session session = lab.session();
        try (SshTransport ssh = lab.transport(session)) {
            Host host = lab.host("127.0.1.30", "127.0.1.30", "root",
                    Map.of("ansible_ssh_private_key_file", tmp.resolve("stranger").toString()));
            Result r = exec(ssh, session, host, "true", false);
            assertEquals(Outcome.AUTH_FAILED, r.outcome(), r::toString);
            assertTrue(r.message().contains("'root'"), r.message());
            assertTrue(r.message().contains(tmp.resolve("stranger").toString()), r.message());
            assertTrue(r.message().contains("ansible_ssh_private_key_file"), r.message());
        }
    }

    @Test
    void theInventoryPasswordLogsInWhenNoKeyIsAccepted() {
        SshHostKeyIT.shell("ssh-keygen -q -t ed25519 -N '' -f " + tmp.resolve("unknown"));
        Session session = lab.session();
        try (SshTransport ssh = lab.transport(session)) {
            Host host = lab.host("127.0.1.39", "127.0.1.39", "opsuser", Map.of(
                    "ansible_ssh_private_key_file", tmp.resolve("unknown").toString(),
                    "ansible_password", lab.opsuserPassword()));
            Result r = exec(ssh, session, host, "id -un", false);
            assertEquals(Outcome.OK, r.outcome(), r::toString);
            assertEquals("opsuser\n", r.stdout());
        }
    }

    @Test
    void aPassphraseIsAskedOnceAndServesEveryHost() {
        AtomicInteger asked = new AtomicInteger();
        Session session = lab.session();
        session.prompter(prompt -> {
            asked.incrementAndGet();
            return Optional.of(lab.passphrase().toCharArray());
        });
        try (SshTransport ssh = lab.transport(session)) {
            for (String a : List.of("127.0.1.31", "127.0.1.32", "127.0.1.33")) {
                Host host = lab.host(a, a, "root", Map.of("ansible_ssh_private_key_file", lab.encryptedKey().toString()));
                assertEquals(Outcome.OK, exec(ssh, session, host, "true", false).outcome());
            }
        }
        assertEquals(1, asked.get());
    }

    @Test
    void aPassphraseProtectedKeyWithoutATerminalFailsSayingItNeedsAPassphrase() {
        Session session = lab.session();
        try (SshTransport ssh = lab.transport(session)) {
            Host host = lab.host("127.0.1.34", "127.0.1.34", "root",
                    Map.of("ansible_ssh_private_key_file", lab.encryptedKey().toString()));
            Result r = exec(ssh, session, host, "true", false);
            assertEquals(Outcome.AUTH_FAILED, r.outcome(), r::toString);
            assertTrue(r.message().contains("needs a passphrase"), r.message());
        }
    }

    @Test
    void sudoAsOpsuserRunsAsRootWithThePasswordAskedOnceAndNeverShown() {
        List<String> prompts = new ArrayList<>();
        Session session = lab.session();
        session.prompter(prompt -> {
            prompts.add(prompt);
            return Optional.of(lab.opsuserPassword().toCharArray());
        });
        try (SshTransport ssh = lab.transport(session)) {
            for (String a : List.of("127.0.1.35", "127.0.1.36")) {
                Host host = lab.host(a, a, "opsuser", Map.of());
                Result r = exec(ssh, session, host, "id -u; echo \"$SUDO_USER\"", true);
                assertEquals(Outcome.OK, r.outcome(), r::toString);
                assertEquals("0\nopsuser\n", r.stdout());
                assertFalse(r.toString().contains(lab.opsuserPassword()));
            }
            assertEquals(1, prompts.size(), prompts::toString);
            Result plain = exec(ssh, session, lab.host("127.0.1.35", "127.0.1.35", "opsuser", Map.of()), "id -un", false);
            assertEquals("opsuser\n", plain.stdout());
        }
    }

    @Test
    void sudoWithAWrongPasswordFailsClearlyAndDoesNotLeakIt() {
        Session session = lab.session();
        try (SshTransport ssh = lab.transport(session)) {
            Host host = lab.host("127.0.1.37", "127.0.1.37", "opsuser", Map.of("ansible_become_password", "not-it-123"));
            Result r = exec(ssh, session, host, "id -u", true);
            assertEquals(Outcome.FAILED, r.outcome(), r::toString);
            assertTrue(r.message().contains("refused the password"), r.message());
            assertFalse(r.toString().contains("not-it-123") || r.stdout().contains("not-it-123")
                    || r.stderr().contains("not-it-123"));
        }
    }

    @Test
    void sudoAsRootRunsTheCommandDirectly() {
        Session session = lab.session();
        try (SshTransport ssh = lab.transport(session)) {
            Result r = exec(ssh, session, lab.host("127.0.1.38"), "id -u", true);
            assertEquals(Outcome.OK, r.outcome(), r::toString);
            assertEquals("0\n", r.stdout());
        }
    }
}

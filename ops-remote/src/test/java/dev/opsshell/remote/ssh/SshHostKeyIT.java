package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Host keys are checked against known_hosts; unknown and changed keys are per-host outcomes. */
@ExtendWith(SshLab.class)
class SshHostKeyIT {
    @TempDir
    Path tmp;

    private Result echo(Settings settings, String address) {
        Session session = new Session(settings, Inventory.localOnly(), System.out);
        try (SshTransport ssh = SshLab.lab().transport(session)) {
            return ssh.exec(SshLab.lab().host(address), Command.of("echo hi", settings), OutputSink.NONE);
        }
    }

    private static String fingerprint(Path pub) {
        String out = shell("ssh-keygen -l -f " + pub);
        return out.split(" ")[1]; // SHA256:…
    }

    @Test
    void anUnknownHostKeyIsRejectedWithItsFingerprintAndHowToAcceptItForThisHostByName() throws IOException {
        Path known = tmp.resolve("known_hosts");
        Files.writeString(known, "");
        Session session = new Session(SshLab.lab().settings().withKnownHosts(known), Inventory.localOnly(), System.out);
        Host web7 = SshLab.lab().host("web7", "127.0.1.20", "root", java.util.Map.of());
        Result r;
        try (SshTransport ssh = SshLab.lab().transport(session)) {
            r = ssh.exec(web7, Command.of("echo hi", session.settings()), OutputSink.NONE);
        }
        assertEquals(Outcome.HOST_KEY_REJECTED, r.outcome(), r::toString);
        assertTrue(r.message().startsWith("the host key of 127.0.1.20:" + SshLab.PORT + " (ED25519 "
                + fingerprint(SshLab.lab().hostPublicKey()) + ") is not in " + known), r.message());
        assertTrue(r.message().contains("accept it with acceptHostKeys(\"web7\")"), r.message());
        assertTrue(r.message().contains("acceptNewHostKeys(true)") && r.message().contains("--accept-new-host-keys"),
                r.message());
        assertEquals("", Files.readString(known), "nothing added without the option");
    }

    @Test
    void acceptHostKeyAddsAnUnknownKeyOnceAndSaysWhichWithoutTouchingOtherHosts() throws IOException {
        Path known = tmp.resolve("known_hosts");
        Files.writeString(known, "");
        Session session = new Session(SshLab.lab().settings().withKnownHosts(known), Inventory.localOnly(), System.out);
        Host host = SshLab.lab().host("127.0.1.24");
        try (SshTransport ssh = SshLab.lab().transport(session)) {
            Result added = ssh.acceptHostKey(host);
            assertEquals(Outcome.OK, added.outcome(), added::toString);
            assertEquals("added the host key of 127.0.1.24 (ED25519 " + fingerprint(SshLab.lab().hostPublicKey())
                    + ") to " + known.toAbsolutePath() + "\n", added.stdout());
            assertEquals("the host key of 127.0.1.24 is already in " + known.toAbsolutePath() + "\n",
                    ssh.acceptHostKey(host).stdout());
            assertEquals(Outcome.OK, ssh.exec(host, Command.of("true", session.settings()), OutputSink.NONE).outcome());
        }
        List<String> lines = Files.readAllLines(known);
        assertEquals(List.of("[127.0.1.24]:" + SshLab.PORT), lines.stream().map(l -> l.split(" ")[0]).toList());
        assertEquals(false, session.settings().acceptNewHostKeys(), "the session's own setting is untouched");
    }

    @Test
    void acceptHostKeyNeverReplacesAChangedKey() throws IOException {
        shell("ssh-keygen -q -t ed25519 -N '' -f " + tmp.resolve("other"));
        Path known = tmp.resolve("known_hosts");
        String otherKey = Files.readString(tmp.resolve("other.pub")).strip().split(" ")[1];
        Files.writeString(known, "[127.0.1.25]:" + SshLab.PORT + " ssh-ed25519 " + otherKey + "\n");
        String before = Files.readString(known);
        Session session = new Session(SshLab.lab().settings().withKnownHosts(known), Inventory.localOnly(), System.out);
        try (SshTransport ssh = SshLab.lab().transport(session)) {
            Result r = ssh.acceptHostKey(SshLab.lab().host("127.0.1.25"));
            assertEquals(Outcome.HOST_KEY_REJECTED, r.outcome(), r::toString);
            assertTrue(r.message().contains("HAS CHANGED"), r.message());
        }
        assertEquals(before, Files.readString(known));
    }

    @Test
    void acceptNewAddsTheUnknownKeySoLaterConnectionsTrustIt() throws IOException {
        Path known = tmp.resolve("ssh/known_hosts");
        Result r = echo(SshLab.lab().settings().withKnownHosts(known).withAcceptNewHostKeys(true), "127.0.1.21");
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        List<String> lines = Files.readAllLines(known);
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("[127.0.1.21]:" + SshLab.PORT + " ssh-ed25519 "), lines.get(0));
        assertEquals(Outcome.OK, echo(SshLab.lab().settings().withKnownHosts(known), "127.0.1.21").outcome());
    }

    @Test
    void aChangedHostKeyIsRejectedLoudlyEvenWithAcceptNew() throws IOException {
        shell("ssh-keygen -q -t ed25519 -N '' -f " + tmp.resolve("other"));
        Path known = tmp.resolve("known_hosts");
        String otherKey = Files.readString(tmp.resolve("other.pub")).strip().split(" ")[1];
        Files.writeString(known, "[127.0.1.22]:" + SshLab.PORT + " ssh-ed25519 " + otherKey + "\n");
        String before = Files.readString(known);
        Result r = echo(SshLab.lab().settings().withKnownHosts(known).withAcceptNewHostKeys(true), "127.0.1.22");
        assertEquals(Outcome.HOST_KEY_REJECTED, r.outcome(), r::toString);
        assertTrue(r.message().contains("HAS CHANGED"), r.message());
        assertTrue(r.message().contains(fingerprint(SshLab.lab().hostPublicKey())), r.message());
        assertTrue(r.message().contains("ssh-keygen -R"), r.message());
        assertEquals(before, Files.readString(known), "a changed key is never written");
    }

    @Test
    void hashedKnownHostsEntriesAreHonoured() throws IOException {
        Path known = tmp.resolve("known_hosts");
        String key = Files.readString(SshLab.lab().hostPublicKey()).strip().split(" ")[1];
        Files.writeString(known, "[127.0.1.23]:" + SshLab.PORT + " ssh-ed25519 " + key + "\n");
        shell("ssh-keygen -q -H -f " + known);
        assertTrue(Files.readString(known).startsWith("|1|"), "the entry is hashed");
        Result r = echo(SshLab.lab().settings().withKnownHosts(known), "127.0.1.23");
        assertEquals(Outcome.OK, r.outcome(), r::toString);
    }

    static String shell(String line) {
        try {
            Process p = new ProcessBuilder("sh", "-c", line).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IllegalStateException(line + " failed: " + out);
            return out;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(line, e);
        }
    }
}

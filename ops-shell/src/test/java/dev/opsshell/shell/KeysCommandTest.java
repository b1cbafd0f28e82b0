package dev.opsshell.shell;

import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.KeyFingerprint;
import dev.opsshell.remote.hub.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String run(int expectedExit, String... args) {
        PrintStream old = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        err.reset();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExit, OpsCommand.commandLine().execute(args), () -> "stderr: " + err);
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keysHubPrintsTheSamePublicKeyEveryTime() {
        String first = run(0, "keys", "--key-dir", dir.toString(), "hub").strip();
        assertEquals(40, first.length());
        assertEquals(first, run(0, "keys", "hub", "--key-dir", dir.toString()).strip());
        assertEquals(first, CurveKeys.loadOrCreate(dir, "hub").publicKey());
    }

    @Test
    void aPendingKeyIsListedThenAcceptedRejectedAndDeletedByName() {
        String key = CurveKeys.generate().publicKey();
        new KeyStore(dir).addPending("web1", key);
        String list = run(0, "keys", "--key-dir", dir.toString(), "list");
        assertTrue(list.matches("(?s)accepted:\\npending:\\n  web1  .*\\nrejected:\\n"), list);
        assertTrue(run(0, "keys", "--key-dir", dir.toString(), "accept", "web1").startsWith("accepted web1"));
        assertEquals(KeyStore.State.ACCEPTED, new KeyStore(dir).byKey(key).orElseThrow().state());
        run(0, "keys", "--key-dir", dir.toString(), "reject", "web1");
        assertEquals(KeyStore.State.REJECTED, new KeyStore(dir).byKey(key).orElseThrow().state());
        run(0, "keys", "--key-dir", dir.toString(), "delete", "web1");
        assertTrue(new KeyStore(dir).list().isEmpty());
    }

    @Test
    void theListShowsEachKeysFingerprint() {
        String pending = CurveKeys.generate().publicKey();
        String accepted = CurveKeys.generate().publicKey();
        KeyStore store = new KeyStore(dir);
        store.addPending("web1", pending);
        store.allow("db1", accepted);
        String list = run(0, "keys", "list", "--key-dir", dir.toString());
        assertEquals(List.of("accepted:", "  db1  " + KeyFingerprint.of(accepted) + "  key " + accepted,
                "pending:", "  web1  " + KeyFingerprint.of(pending) + "  key " + pending, "rejected:"),
                list.lines().toList());
    }

    @Test
    void acceptingWithTheFingerprintTheAgentLoggedAcceptsThatKey() {
        String key = CurveKeys.generate().publicKey();
        new KeyStore(dir).addPending("web1", key);
        String out = run(0, "keys", "accept", "web1", "--fingerprint", KeyFingerprint.of(key), "--key-dir", dir.toString());
        assertTrue(out.startsWith("accepted web1 (accepted) " + KeyFingerprint.of(key)), out);
        assertEquals(KeyStore.State.ACCEPTED, new KeyStore(dir).byKey(key).orElseThrow().state());
    }

    @Test
    void acceptingWithAnotherFingerprintAcceptsNothingAndSaysWhatIsPending() {
        String key = CurveKeys.generate().publicKey();
        new KeyStore(dir).addPending("web1", key);
        String wrong = KeyFingerprint.of(CurveKeys.generate().publicKey());
        run(ExitCodes.USAGE, "keys", "--key-dir", dir.toString(), "accept", "web1", "--fingerprint", wrong);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("the key pending for 'web1' has fingerprint "
                + KeyFingerprint.of(key) + ", not " + wrong), err::toString);
        assertEquals(KeyStore.State.PENDING, new KeyStore(dir).byKey(key).orElseThrow().state());
    }

    @Test
    void acceptingByNameAloneStillWorksAndShowsTheFingerprintItAccepted() {
        String key = CurveKeys.generate().publicKey();
        new KeyStore(dir).addPending("web1", key);
        String out = run(0, "keys", "accept", "web1", "--key-dir", dir.toString());
        assertTrue(out.contains(KeyFingerprint.of(key)), out);
    }

    @Test
    void optionsMayFollowTheNameOfTheKey() {
        String key = CurveKeys.generate().publicKey();
        new KeyStore(dir).addPending("web1", key);
        run(0, "keys", "reject", "web1", "--key-dir", dir.toString());
        assertEquals(KeyStore.State.REJECTED, new KeyStore(dir).byKey(key).orElseThrow().state());
        run(0, "keys", "delete", "web1", "--key-dir", dir.toString());
        assertTrue(new KeyStore(dir).list().isEmpty());
    }

    @Test
    void aHubWithAPendingLimitThatIsNotANumberDoesNotStart() {
        run(ExitCodes.USAGE, "hub", "--port", "0", "--key-dir", dir.toString(), "--max-pending", "lots");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("OPS_HUB_MAX_PENDING"), err::toString);
    }

    @Test
    void acceptingAnUnknownNameIsAUsageError() {
        run(ExitCodes.USAGE, "keys", "--key-dir", dir.toString(), "accept", "ghost");
    }

    @Test
    void execTakesTheAgentOptions() {
        CommandLine.ParseResult r = OpsCommand.commandLine().parseArgs("exec", "--via", "agent", "--hub",
                "tcp://h:4505", "--hub-key", "@/tmp/k", "*", "--", "uptime");
        ExecCommand exec = (ExecCommand) r.subcommand().commandSpec().userObject();
        assertEquals("agent", exec.via);
        assertEquals("tcp://h:4505", exec.hub);
        assertEquals("@/tmp/k", exec.hubKey);
        assertEquals("*", exec.pattern);
    }
}

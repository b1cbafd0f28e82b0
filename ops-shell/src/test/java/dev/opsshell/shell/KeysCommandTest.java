package dev.opsshell.shell;

import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.remote.hub.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysCommandTest {
    @TempDir
    Path dir;

    private String run(int expectedExit, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExit, OpsCommand.commandLine().execute(args));
        } finally {
            System.setOut(old);
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

package dev.opsshell.agent;

import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.KeyFingerprint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad setting stops the agent with exit code 2 and a one-line message that names it, not a stack trace. */
class MainSettingsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void captureStderr() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(savedErr);
    }

    private int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aHeartbeatThatIsNotANumberInTheConfigFileNamesTheSettingAndTheFile() throws Exception {
        Path config = Files.writeString(dir.resolve("agent.properties"),
                "hub=tcp://127.0.0.1:25812\nhub-key=0123456789012345678901234567890123456789\nheartbeat=2s\n");
        assertEquals(2, run("--config", config.toString(), "--key-dir", dir.resolve("keys").toString()));
        assertTrue(stderr().contains("heartbeat must be a positive whole number, was '2s' in " + config), stderr());
        assertFalse(stderr().contains("\tat "), "no stack trace: " + stderr());
    }

    @Test
    void aMissingConfigFileIsNamedWithoutAStackTrace() {
        Path config = dir.resolve("missing.properties");
        assertEquals(2, run("--config", config.toString(), "--key-dir", dir.resolve("keys").toString()));
        assertTrue(stderr().contains("cannot read the config file " + config), stderr());
        assertFalse(stderr().contains("\tat "), "no stack trace: " + stderr());
    }

    @Test
    void withoutTheHubTheAgentSaysWhatIsRequired() {
        assertEquals(2, run("--key-dir", dir.resolve("keys").toString()));
        assertTrue(stderr().contains("--hub and --hub-key are required"), stderr());
    }

    @Test
    void printKeyPrintsTheKeyThenItsFingerprintForTheOperatorToCompare() {
        PrintStream savedOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run("--print-key", "--key-dir", dir.resolve("keys").toString()));
        } finally {
            System.setOut(savedOut);
        }
        String key = CurveKeys.loadOrCreate(dir.resolve("keys"), "agent").publicKey();
        assertEquals(List.of(key, KeyFingerprint.of(key)), out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void aNameTheHubWouldRefuseStopsTheAgentWithAMessage() {
        assertEquals(2, run("--hub", "tcp://127.0.0.1:25812", "--hub-key", "0123456789012345678901234567890123456789",
                "--name", "../etc/passwd", "--key-dir", dir.resolve("keys").toString()));
        assertTrue(stderr().contains("'../etc/passwd' is not a valid agent name"), stderr());
        assertFalse(stderr().contains("\tat "), "no stack trace: " + stderr());
    }
}

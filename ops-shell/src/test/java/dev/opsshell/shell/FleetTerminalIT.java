package dev.opsshell.shell;

import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thirty SSH hosts at the prompt, as a new operator meets them: keys typed one at a time in a real
 * terminal (tmux), hosts from the loopback lab (127.0.1.1 … 127.0.1.30) with an empty known_hosts.
 */
@ExtendWith(SshLab.class)
class FleetTerminalIT {
    private static final long START = 60; // seconds; a cold JVM on a busy 2-core machine
    private static final String PROMPT = "ops> ";

    @TempDir
    Path home;

    /** ~/.ssh with the lab's client key and an empty known_hosts; ~/.ops/inventory naming h1 … h30. */
    private Tmux fleetShell() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.copy(SshLab.lab().key(), ssh.resolve("id_ed25519"));
        Files.setPosixFilePermissions(ssh.resolve("id_ed25519"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(ssh.resolve("known_hosts"), "");
        StringBuilder inv = new StringBuilder("[fleet]\n");
        for (int i = 1; i <= 30; i++) {
            inv.append("h").append(i).append(" ansible_host=127.0.1.").append(i).append(" ansible_port=")
                    .append(SshLab.PORT).append(" ansible_user=root\n");
        }
        Files.createDirectories(home.resolve(".ops"));
        Files.writeString(home.resolve(".ops/inventory"), inv);
        Tmux t = Tmux.start(home, OpsProcess.LAUNCHER.toString());
        t.await(PROMPT, START);
        return t;
    }

    private static void enter(Tmux t, String line) throws Exception {
        t.await("a fresh prompt", 60, screen -> screen.stripTrailing().endsWith(PROMPT.strip()));
        t.type(line); // one key at a time
        t.await(PROMPT + line, 15); // what was typed is on the screen as typed
        t.press("Enter");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void thirtyUnknownHostKeysAreSaidOnceWithTheFixForAllThenThirtyUploadsAreOneLine() throws Exception {
        try (Tmux t = fleetShell()) {
            enter(t, "hosts(\"fleet\").exec(\"true\")");
            String s = t.await("30 host key rejected", 60);
            assertTrue(s.contains("✗ h[1-30] (30)  host key rejected\n"), s);
            assertTrue(s.contains("    the host key of 127.0.1.[1-30]:" + SshLab.PORT + " (ED25519 SHA256:"), s);
            assertTrue(s.contains("accept it with acceptHostKeys(\"h[1-30]\")"), s);
            assertEquals(1, count(s, "acceptHostKeys("), "the hint once, not thirty times: " + s);

            enter(t, "acceptHostKeys(\"h[1-30]\")");
            s = t.await("\n30 ok", 60);
            assertTrue(s.contains("✔ h[1-30] (30)\n    added the host key of h[1-30] (ED25519 SHA256:"), s);
            assertEquals(30, Files.readAllLines(home.resolve(".ssh/known_hosts")).size());

            Path local = Files.writeString(home.resolve("app.conf"), "port=8080\n");
            Path remote = home.resolve("uploaded.conf");
            enter(t, "hosts(\"fleet\").run(upload(\"" + local + "\", \"" + remote + "\"))");
            s = t.await("upload " + local + " to " + remote + "\n✔", 60);
            s = t.await("upload " + local + " to " + remote + "\n✔ h[1-30] (30)\n    uploaded " + local + " to h[1-30]:"
                    + remote + " (10 bytes)\n30 ok", 60);
            assertEquals(1, count(s, "    uploaded "), "one confirmation for thirty uploads: " + s);
            assertEquals("port=8080\n", Files.readString(remote));
        }
    }

    @Test
    void theHostsThatSucceededRunTheNextStepAsAnOperatorWouldWriteIt() throws Exception {
        try (Tmux t = fleetShell()) {
            enter(t, "acceptNewHostKeys(true)");
            t.await("acceptNewHostKeys=true", 30);
            enter(t, "var r = hosts(\"h[1-6]\").exec(\"echo $SSH_CONNECTION | grep -q ' 127.0.1.[12] ' && exit 3; echo up\")");
            String s = t.await("4 ok, 2 non-zero exit", 60);
            assertTrue(s.contains("✗ h[1-2] (2)  exit 3\n"), s);
            enter(t, "r.successful().exec(\"echo $SSH_CONNECTION | cut -d' ' -f3\")");
            s = t.await("f3\n✔ h[3-6] (4)\n    127.0.1.[3-6]\n4 ok", 60); // ran on the four that succeeded
            assertFalse(s.contains("cannot find symbol"), s);
        }
    }

    @Test
    void stderrIsColouredAtTheTerminal() throws Exception {
        try (Tmux t = fleetShell()) {
            enter(t, "localhost().exec(\"echo to-stdout; echo to-stderr >&2; exit 1\")");
            t.await("1 non-zero exit", 30);
            String coloured = t.screenWithColours();
            assertTrue(coloured.contains("    to-stdout\n"), coloured);
            assertTrue(coloured.contains("\033[31mto-stderr"), "stderr in red: " + coloured);
            assertFalse(t.screen().contains("stderr: to-stderr"), "no label where colour says it");
        }
    }
}

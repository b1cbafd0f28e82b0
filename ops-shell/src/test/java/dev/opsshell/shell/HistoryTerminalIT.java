package dev.opsshell.shell;

import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * History in a real terminal (tmux) against the SSH lab: a sudo run whose password is asked at the
 * prompt is recorded with the line typed as its source, shown by {@code history()}, and neither the
 * password nor the key's passphrase reaches the store.
 */
@ExtendWith(SshLab.class)
class HistoryTerminalIT {
    private static final long START = 60; // seconds; a cold JVM on a busy 2-core machine
    private static final String SUDO = "[sudo] password for opsuser (asked once for this session): ";

    @TempDir
    Path home;

    @Test
    void aSudoRunTypedAtThePromptIsRecordedWithoutItsPassword() throws Exception {
        SshLab.Lab lab = SshLab.lab();
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(lab.knownHosts(), home.resolve(".ssh/known_hosts"));
        Files.createDirectories(home.resolve(".ops"));
        Files.writeString(home.resolve(".ops/inventory"), "[lab]\nsecond ansible_host=127.0.1.2 ansible_user=opsuser ansible_port="
                + lab.port() + " ansible_ssh_private_key_file=" + lab.encryptedKey() + "\n");
        Path store = home.resolve(".ops/ops.db");
        try (Tmux t = Tmux.start(home, "OPS_STORE=" + store + " " + OpsProcess.LAUNCHER + "; echo \"exit $?\"; read wait")) {
            t.await("ops> ", START);
            t.type("hosts(\"lab\").sudo(\"id -un\")");
            t.press("Enter");
            t.await(SUDO, 60);
            t.type(lab.opsuserPassword());
            t.press("Enter");
            t.await("Passphrase for key", 60);
            t.type(lab.passphrase());
            t.press("Enter");
            t.await("1 ok", 60);
            t.type("history().latest()");
            t.press("Enter");
            String s = t.await("from   shell: hosts(\"lab\").sudo(\"id -un\")", 60);
            assertTrue(s.contains("run #1 ✔ sudo id -un on lab"), s);
            assertTrue(s.contains("✔ second ok") && s.contains("    root"), s);
            t.type("/exit");
            t.press("Enter");
            t.await("exit 0", 60); // the shell has closed its store
        }
        StringBuilder files = new StringBuilder(); // the database and its write-ahead log, if one is left
        try (var all = Files.list(store.getParent())) {
            for (Path f : all.filter(f -> f.getFileName().toString().startsWith("ops.db")).toList()) {
                files.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        String raw = files.toString();
        assertTrue(raw.contains("id -un"), "the run is in the store file");
        assertFalse(raw.contains(lab.opsuserPassword()), "the sudo password is not");
        assertFalse(raw.contains(lab.passphrase()), "nor the key's passphrase");
    }
}

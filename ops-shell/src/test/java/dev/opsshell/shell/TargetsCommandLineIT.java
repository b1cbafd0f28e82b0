package dev.opsshell.shell;

import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ad hoc targets as operators write them for ssh and parallel-ssh, given to the real {@code ops}
 * launcher against the loopback SSH lab: no inventory, the lab key as ~/.ssh/id_ed25519.
 */
@ExtendWith(SshLab.class)
class TargetsCommandLineIT {
    private static final int PORT = SshLab.PORT;

    @TempDir
    Path home;

    @BeforeEach
    void sshHome() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.copy(SshLab.lab().key(), ssh.resolve("id_ed25519"));
        Files.setPosixFilePermissions(ssh.resolve("id_ed25519"), PosixFilePermissions.fromString("rw-------"));
        Files.copy(SshLab.lab().knownHosts(), ssh.resolve("known_hosts"));
    }

    @Test
    void execReachesUserAtHostColonPort() throws Exception {
        String target = "root@127.0.1.5:" + PORT;
        OpsProcess.Run r = OpsProcess.run(home, null, "exec", target, "--", "echo $(whoami) on $SSH_CONNECTION | cut -d' ' -f1,2,5,6");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("✔ " + target + "\n    root on 127.0.1.5 " + PORT + "\n"), r.toString());
    }

    @Test
    void hostsTakesSeveralTargetsWithPortsAndIpv6() throws Exception {
        OpsProcess.Run r = OpsProcess.run(home, null, "-e",
                "hosts(\"root@127.0.1.[6-7]:" + PORT + ",root@[::1]:" + PORT + "\").exec(\"echo $SSH_CONNECTION | cut -d' ' -f3\")");
        assertEquals(0, r.code(), r.toString());
        // each said the address it was reached at: one group, its addresses folded like its names
        assertTrue(r.out().contains("✔ root@127.0.1.[6-7]:" + PORT + ",root@[::1]:" + PORT + " (3)\n    127.0.1.[6-7],::1\n"),
                r.toString());
    }

    @Test
    void aMalformedTargetIsAUsageErrorSayingWhatIsExpected() throws Exception {
        OpsProcess.Run r = OpsProcess.run(home, null, "exec", "root@127.0.1.5:99999", "--", "true");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("ops: bad host 'root@127.0.1.5:99999' in pattern 'root@127.0.1.5:99999': the port"
                + " must be a number 1-65535, not '99999'; a host outside the inventory is written user@host, host:port,"
                + " user@host:port, [v6addr]:port or [::1]"), r.toString());
        assertEquals("", r.out());
    }
}

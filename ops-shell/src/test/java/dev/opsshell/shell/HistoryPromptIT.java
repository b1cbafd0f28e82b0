package dev.opsshell.shell;

import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code history()} as typed at the prompt (snippets piped into the real {@code ops}, evaluated and
 * echoed as at the terminal) over three loopback OpenSSH hosts: runs recorded with the snippet as
 * their source, the table and filters, one run's detail, reruns, and a lambda that cannot be rebuilt.
 */
@ExtendWith(SshLab.class)
class HistoryPromptIT {
    @TempDir
    Path home;
    Path inventory;

    @BeforeEach
    void labInventory() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.copy(SshLab.lab().knownHosts(), ssh.resolve("known_hosts"));
        inventory = home.resolve("hosts.ini");
        Files.writeString(inventory, "[lab]\n127.0.1.[1:3] ansible_port=" + SshLab.PORT + " ansible_user=root"
                + " ansible_ssh_private_key_file=" + SshLab.lab().key() + "\n");
    }

    @Test
    void runsTypedAtThePromptAreListedFilteredShownAndRerun() throws Exception {
        String session = """
                hosts("lab").exec("echo one")
                hosts("lab").exec("case \\"$SSH_CONNECTION\\" in *' 127.0.1.2 '*) exit 3;; esac; echo two")
                Operation custom = h -> new Results("custom check", h, List.of(), Duration.ZERO);
                hosts("lab").run(custom)
                System.out.println("== table"); history()
                System.out.println("== failed"); history().failed()
                System.out.println("== detail"); history().failed().latest()
                System.out.println("== rerun failed"); history().failed().latest().rerunFailed()
                System.out.println("== rerun first"); history().operation("echo one").latest().rerun()
                System.out.println("== lambda"); history().operation("custom*").latest().rerun()
                System.out.println("== after"); history().last(2)
                """;
        OpsProcess.Run r = OpsProcess.run(home, session, Map.of("OPS_STORE", home.resolve("ops.db").toString()),
                "-i", inventory.toString());
        String out = r.out();
        String table = section(out, "== table");
        assertTrue(table.startsWith("ID  WHEN"), table);
        assertTrue(table.contains("custom check") && table.contains("echo one"), table);
        assertTrue(table.lines().skip(1).allMatch(l -> l.contains("shell") && l.contains("@")), table);
        assertEquals(4, table.lines().count(), "a header and three runs: " + table);

        String failed = section(out, "== failed");
        assertEquals(2, failed.lines().count(), failed);
        assertTrue(failed.contains("✗") && failed.contains("case"), failed);

        String detail = section(out, "== detail");
        assertTrue(detail.contains("from   shell: hosts(\"lab\").exec(\"case"), detail);
        assertTrue(detail.contains("✔ 127.0.1.1 ok") && detail.contains("✗ 127.0.1.2 exit 3"), detail);
        assertTrue(detail.contains("    two"), detail);
        assertTrue(detail.contains(".rerunFailed() on the 1 that failed"), detail);

        String again = section(out, "== rerun failed");
        assertTrue(again.contains("127.0.1.2") && !again.contains("127.0.1.1") && !again.contains("127.0.1.3"), again);
        assertTrue(section(out, "== rerun first").contains("3 ok"), out);

        String lambda = r.err();
        assertTrue(lambda.contains("cannot be rebuilt") && lambda.contains("it came from shell: hosts(\"lab\").run(custom)"),
                r.toString());

        String after = section(out, "== after");
        assertTrue(after.contains("echo one") && after.contains("case"), "the reruns are runs too: " + after);
        assertFalse(out.contains("history: "), "no store problem reported: " + r);
    }

    /** The text after a marker line, up to the next marker. */
    private static String section(String out, String marker) {
        int at = out.indexOf(marker + "\n");
        assertTrue(at >= 0, "no " + marker + " in\n" + out);
        String rest = out.substring(at + marker.length() + 1);
        int next = rest.indexOf("\n== ");
        return (next < 0 ? rest : rest.substring(0, next + 1)).strip();
    }
}

package dev.opsshell.shell;

import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets asked for in the middle of a fan-out, in a real terminal (tmux) against the SSH lab: the
 * question stands on a line of its own (the progress line waits), and the run goes on once it is
 * answered.
 */
@ExtendWith(SshLab.class)
class TerminalPromptIT {
    private static final long START = 60; // seconds; a cold JVM on a busy 2-core machine
    private static final String PROMPT = "ops> ";
    private static final String FAN_OUT_RUNNING = "  0/3 · ";
    private static final String SUDO = "[sudo] password for opsuser (asked once for this session): ";

    @TempDir
    Path home;

    /**
     * One host at a time; each waits for the file {@code go} (read as root: sudo), which the test
     * makes once it has seen the progress line: the first host holds the line up until then, and
     * the others ask after it. A fixed sleep gave the test a second to see the line, a loaded
     * machine sometimes less.
     */
    private String fanOut() {
        return "forks(1); hosts(\"lab\").sudo(\"until [ -e " + home.resolve("go") + " ]; do sleep 0.05; done; id -un\")";
    }

    @Test
    void aPassphraseAndASudoPasswordAskedDuringAFanOutShowOnTheirOwnLineAndTheRunCompletes() throws Exception {
        SshLab.Lab lab = labInventory();
        try (Tmux t = Tmux.start(home, OpsProcess.LAUNCHER.toString())) {
            t.await(PROMPT, START);
            t.type(fanOut());
            t.press("Enter");
            answer(t, lab);
            String s = t.await("3 ok", 60);
            assertTrue(s.contains("\n" + SUDO + "*".repeat(lab.opsuserPassword().length()) + "\n"), s);
            assertTrue(s.contains("\n" + passphrase(lab) + "*".repeat(lab.passphrase().length()) + "\n"), s);
            assertTrue(s.contains("✔ first,second,third (3)\n    root\n3 ok"), s);
            neverShown(s, lab);
        }
    }

    @Test
    void aOneLinerAsksOnItsOwnLineToo() throws Exception {
        SshLab.Lab lab = labInventory();
        String oneLiner = OpsProcess.LAUNCHER + " -e '" + fanOut() + "'; echo \"exit $?\"; read wait";
        try (Tmux t = Tmux.start(home, oneLiner)) {
            answer(t, lab);
            String s = t.await("exit 0", 60);
            assertTrue(s.contains("✔ first,second,third (3)\n    root\n3 ok"), s);
            neverShown(s, lab);
        }
    }

    /** first (root, plain key), second and third (opsuser: an encrypted key and sudo with a password). */
    private SshLab.Lab labInventory() throws Exception {
        SshLab.Lab lab = SshLab.lab();
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(lab.knownHosts(), home.resolve(".ssh/known_hosts"));
        Files.createDirectories(home.resolve(".ops"));
        String common = " ansible_port=" + lab.port() + " ansible_ssh_private_key_file=";
        Files.writeString(home.resolve(".ops/inventory"), "[lab]\n"
                + "first ansible_host=127.0.1.1 ansible_user=root" + common + lab.key() + "\n"
                + "second ansible_host=127.0.1.2 ansible_user=opsuser" + common + lab.encryptedKey() + "\n"
                + "third ansible_host=127.0.1.3 ansible_user=opsuser" + common + lab.encryptedKey() + "\n");
        return lab;
    }

    /** Waits for each question on a line of its own while the fan-out runs, and answers it. */
    private void answer(Tmux t, SshLab.Lab lab) throws Exception {
        t.await("the progress line", 60, s -> s.contains(FAN_OUT_RUNNING));
        Files.createFile(home.resolve("go"));
        // sudo's password is asked before connecting, the key's passphrase while connecting
        onItsOwnLine(t, SUDO);
        t.type(lab.opsuserPassword());
        t.press("Enter");
        onItsOwnLine(t, passphrase(lab));
        t.type(lab.passphrase());
        t.press("Enter");
    }

    private static String passphrase(SshLab.Lab lab) {
        return "Passphrase for key " + lab.encryptedKey() + ": ";
    }

    private static void neverShown(String screen, SshLab.Lab lab) {
        assertFalse(screen.contains(lab.passphrase()), "the passphrase is never shown: " + screen);
        assertFalse(screen.contains(lab.opsuserPassword()), "the password is never shown: " + screen);
        assertFalse(screen.contains("0/3 · "), "the progress line is cleared at the end: " + screen);
    }

    /** Waits until {@code prompt} starts a line, alone on it (nothing drawn over or after it), and stays so. */
    private static void onItsOwnLine(Tmux t, String prompt) throws Exception {
        Pattern alone = Pattern.compile("(?m)^" + Pattern.quote(prompt.stripTrailing()) + "\\s*$");
        t.await("'" + prompt + "' on a line of its own", 60, s -> alone.matcher(s).find());
        // the progress line ticks ten times a second: the question must still stand on the next screens
        for (int i = 0; i < 5; i++) {
            String s = t.screen();
            assertTrue(alone.matcher(s).find(), "the question was drawn over: " + s);
        }
    }
}

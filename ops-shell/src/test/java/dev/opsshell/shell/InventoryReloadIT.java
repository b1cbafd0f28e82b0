package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inventory file edited while the shell runs is seen at the next line, and the shell says so once. */
class InventoryReloadIT {
    private static final String PROMPT = "ops> ";

    @TempDir
    Path home;

    private static void enter(Tmux t, String line) throws Exception {
        String before = t.await("a fresh prompt", 60, screen -> screen.stripTrailing().endsWith(PROMPT.strip()));
        int shown = count(before, PROMPT + line); // the same line may be on screen already from an earlier step
        t.type(line); // one key at a time
        t.await("'" + PROMPT + line + "' typed", 15, screen -> count(screen, PROMPT + line) > shown);
        t.press("Enter");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void anEditIsSeenAtTheNextLineAndAMalformedOneKeepsThePreviousInventory() throws Exception {
        Path inv = home.resolve("hosts.ini");
        Files.writeString(inv, "[web]\nweb1 ansible_connection=local\n");
        try (Tmux t = Tmux.start(home, OpsProcess.LAUNCHER + " -i " + inv)) {
            t.await(PROMPT, 60);
            enter(t, "hosts(\"web\")");
            t.await("Hosts web (1): web1\n", 30);

            Files.writeString(inv, "[web]\nweb1 ansible_connection=local\nweb2 ansible_connection=local\n");
            enter(t, "hosts(\"web\")");
            String s = t.await("inventory reloaded: 2 hosts (" + inv + ")\nHosts web (2): web[1-2]\n", 30);
            enter(t, "6 * 7");
            s = t.await("\n42\n", 15);
            assertEquals(1, count(s, "inventory reloaded"), "said once: " + s);

            Files.writeString(inv, "[web\nweb1 ansible_connection=local\n");
            enter(t, "hosts(\"web\").size()");
            s = t.await("inventory not reloaded: " + inv + ":1: unbalanced bracket", 30);
            s = t.await("still using the previous one (2 hosts)\n2\n", 15);
            enter(t, "/inventory reload");
            // the edit's report is on screen already: wait for the explicit reload's own, then the prompt after it
            s = t.await("the explicit reload's report and a fresh prompt", 15,
                    screen -> count(screen, inv + ":1:") >= 2 && screen.stripTrailing().endsWith(PROMPT.strip()));
            assertEquals(2, count(s, inv + ":1:"), "once for the edit, once for the explicit reload: " + s);

            Files.writeString(inv, "[web]\nweb7 ansible_connection=local\n");
            enter(t, "hosts(\"web\").exec(\"echo fixed\")");
            String fixed = "inventory reloaded: 1 host (" + inv + ")\necho fixed\n✔ web7\n    fixed\n";
            // the summary comes after the output awaited: wait for the prompt that follows the whole answer
            s = t.await("'" + fixed + "' and a fresh prompt", 30,
                    screen -> screen.contains(fixed) && screen.stripTrailing().endsWith(PROMPT.strip()));
            assertTrue(s.contains("1 ok"), s);
        }
    }
}

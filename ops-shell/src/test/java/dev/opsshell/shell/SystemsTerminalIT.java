package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Systems at the real prompt, keys typed one at a time in tmux, on libvirt's test hypervisor and
 * the default store under the test's HOME: create and the table, a destroy that asks y/N (no
 * leaves them, yes destroys them), and a long job's progress line, Ctrl-C that stops the wait but
 * not the job, and cancel from the prompt.
 */
class SystemsTerminalIT {
    private static final long START = 60; // seconds; a cold JVM on a busy 2-core machine
    private static final String PROMPT = "ops> ";

    @TempDir
    Path home;

    private Tmux shell() throws Exception {
        Tmux t = Tmux.start(home, OpsProcess.LAUNCHER.toString());
        t.await(PROMPT, START);
        return t;
    }

    private static void enter(Tmux t, String line) throws Exception {
        t.await("a fresh prompt", 60, screen -> screen.stripTrailing().endsWith(PROMPT.strip()));
        t.type(line); // one key at a time
        t.await(PROMPT + line, 15);
        t.press("Enter");
    }

    @Test
    void createShowsTheTableAndDestroyAsksNoLeavesThemYesDestroysThem() throws Exception {
        try (Tmux t = shell()) {
            enter(t, "create(kvm(), tiny(), type(\"web\"), 2)");
            String s = t.await("2 ok, 0 failed", 90);
            assertTrue(s.matches("(?s).*✔ create +\\w+ web-1 .*") && s.matches("(?s).*✔ create +\\w+ web-2 .*"), s);

            enter(t, "systems()");
            s = t.await("2 system(s)", 30);
            assertTrue(s.contains("id          hostname  ip"), s);
            assertTrue(s.matches("(?s).*\\n\\w{10}  web-1 .* web .* kvm +running +✗\\n.*"), s);
            assertTrue(s.matches("(?s).*\\n\\w{10}  web-2 .* web .* kvm +running +✗\\n.*"), s);

            t.await("a fresh prompt", 60, screen -> screen.stripTrailing().endsWith(PROMPT.strip()));
            t.type("\"n: \" + systems().typed(\"w");
            t.press("Tab"); // the type's name from the store
            t.await(PROMPT + "\"n: \" + systems().typed(\"web", 15);
            t.type("\").size()");
            t.press("Enter");
            t.await("\"n: 2\"", 30);

            enter(t, "systems().typed(\"web\").destroy()");
            s = t.await("[y/N]", 30);
            assertTrue(s.contains("destroy 2 system(s): ") && s.contains(" web-1") && s.contains(" web-2"), s);
            t.type("n");
            t.await("[y/N] n", 15); // the answer is echoed as typed
            t.press("Enter");
            t.await("destroy: not confirmed, nothing done", 30);
            enter(t, "\"left: \" + systems().size()");
            t.await("\"left: 2\"", 30);

            enter(t, "systems().typed(\"web\").destroy()");
            t.await("a second question", 30, screen -> screen.split(Pattern.quote("[y/N]"), -1).length - 1 == 2);
            t.type("y");
            t.press("Enter");
            s = t.await("✔ destroy", 60);
            s = t.await("2 ok, 0 failed\n" + PROMPT, 60, screen -> screen.split("2 ok, 0 failed", -1).length - 1 == 2);
            enter(t, "\"left: \" + systems().size()");
            s = t.await("\"left: 0\"", 30);
            assertFalse(s.contains("✗ destroy"), s);
        }
    }

    @Test
    void aLongJobShowsItsStepCtrlCStopsTheWaitNotTheJobAndCancelStopsIt() throws Exception {
        Path go = home.resolve("go");
        Path recipe = Files.writeString(home.resolve("slow.jsh"),
                "while (!Files.exists(Path.of(\"" + go + "\"))) Thread.sleep(50);\nhosts.size();\n");
        try (Tmux t = shell()) {
            enter(t, "define(type(\"slow\").then(recipe(\"" + recipe + "\")))");
            t.await("1 step(s)", 30);
            enter(t, "create(kvm(), tiny(), type(\"slow\"), 1)");
            t.await("1 ok, 0 failed", 90);

            enter(t, "systems().typed(\"slow\").provision()");
            String s = t.await("provision  0/1 · slow-1: provisioning 1/1: recipe", 60);
            t.press("C-c");
            s = t.await("stopped waiting (Ctrl-C); the jobs go on", 30);
            Matcher batch = Pattern.compile("cancel\\(\"(\\w+)\"\\) stops them").matcher(s);
            assertTrue(batch.find(), s);

            enter(t, "jobs()");
            s = t.await("the provision job, still running", 30,
                    screen -> screen.matches("(?s).*provision +\\w+ slow-1 +running .*provisioning 1/1: recipe.*"));

            enter(t, "cancel(\"" + batch.group(1) + "\")");
            t.await("told to stop", 30);
            enter(t, "jobs()");
            s = t.await("the provision job ended", 60, screen -> screen.matches("(?s).*provision +\\w+ slow-1 +cancelled .*recipe stopped: the job was cancelled.*"));
            assertFalse(Files.exists(go), "the recipe never got its go: it was stopped");
        }
    }

    @Test
    void ctrlCWhileTheCommandLineWaitsForItsJobsExits130AndSaysTheJobsStopWithIt() throws Exception {
        Path go = home.resolve("go");
        Path recipe = Files.writeString(home.resolve("slow.jsh"), "while (!Files.exists(Path.of(\"" + go + "\"))) Thread.sleep(50);\n");
        OpsProcess.Run made = OpsProcess.run(home, null, "-e",
                "define(type(\"slow\").then(recipe(\"" + recipe + "\"))); create(kvm(), tiny(), type(\"slow\"), 1)");
        assertTrue(made.code() == 0 && made.out().contains("1 ok, 0 failed"), made.toString());
        try (Tmux t = Tmux.start(home, OpsProcess.LAUNCHER + " systems provision --type slow; echo EXIT=$?; sleep 60")) {
            t.await("provision  0/1 · slow-1: provisioning 1/1: recipe", START);
            t.press("C-c");
            String s = t.await("EXIT=", 30);
            assertTrue(s.contains("ops: stopped waiting (Ctrl-C); the jobs ran in this process and are stopped with it"), s);
            assertTrue(s.contains("EXIT=130"), s);
        }
        assertFalse(Files.exists(go));
    }
}

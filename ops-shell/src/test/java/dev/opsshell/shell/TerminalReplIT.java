package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interactive shell in a real terminal (tmux), keys in and screen out. */
class TerminalReplIT {
    private static final long START = 60; // seconds; a cold JVM on a busy 2-core machine
    private static final String PROMPT = "ops> ";

    @TempDir
    Path home;

    private Tmux shell() throws Exception {
        Tmux t = Tmux.start(home, OpsProcess.LAUNCHER.toString());
        t.await(PROMPT, START);
        return t;
    }

    @Test
    void theHubListensSoonAfterThePromptBeforeAnyAgentIsAskedFor() throws Exception {
        int port; // a free one: a fixed port may be another shell's on a shared machine, whose hub would answer for this one
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Tmux t = Tmux.start(home, "env OPS_HUB_PORT=" + port + " " + OpsProcess.LAUNCHER)) {
            t.await(PROMPT, START);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            boolean listening = false;
            while (!listening && System.nanoTime() < deadline) {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                    listening = true;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertTrue(listening, "the in-shell hub should accept connections on port " + port);
            assertTrue(Files.exists(home.resolve(".ops/hub")), "the hub keeps its keys under ~/.ops/hub");
        }
    }

    @Test
    void thePromptAppearsAndAnExpressionEchoesItsValue() throws Exception {
        try (Tmux t = shell()) {
            t.type("localhost().exec(\"echo hello-from-tmux\")");
            t.press("Enter");
            String s = t.await("1 ok", 30);
            // JShell starts behind the prompt: only once it has answered is the way up over
            assertFalse(s.contains("WARNING"), "no JVM warnings on the way up: " + s);
            assertTrue(s.contains("✔ localhost\n    hello-from-tmux"), s);
            t.type("6 * 7");
            t.press("Enter");
            t.await("\n42\n", 10);
        }
    }

    @Test
    void tabCompletesTheVocabularyAndGroupNamesInsideHosts() throws Exception {
        Files.createDirectories(home.resolve(".ops"));
        Files.writeString(home.resolve(".ops/inventory"), "[webservers]\nweb1 ansible_connection=local\n");
        try (Tmux t = shell()) {
            t.type("localh");
            t.press("Tab");
            t.await(PROMPT + "localhost(", 15);
            t.press("C-u");
            t.type("hosts(\"webs");
            t.press("Tab");
            t.await(PROMPT + "hosts(\"webservers", 15);
            t.type("\").exec(\"echo via-group\")");
            t.press("Enter");
            String s = t.await("1 ok", 30);
            assertTrue(s.contains("✔ web1\n    via-group"), s);
        }
    }

    @Test
    void aMethodTypedOverSeveralLinesIsDefinedAndRedefiningItTakesEffectAtOnce() throws Exception {
        try (Tmux t = shell()) {
            t.type("Results greet(Hosts h) {");
            t.press("Enter");
            t.await("...> ", 15);
            t.type("return h.exec(\"echo first-version\");");
            t.press("Enter");
            t.type("}");
            t.press("Enter");
            t.await("created method greet(Hosts)", 15);
            t.type("greet(localhost())");
            t.press("Enter");
            t.await("    first-version", 30);
            t.type("Results greet(Hosts h) { return h.exec(\"echo second-version\"); }");
            t.press("Enter");
            t.await("replaced method greet(Hosts)", 15);
            t.type("greet(localhost())");
            t.press("Enter");
            t.await("    second-version", 30);
            t.type("/reset");
            t.press("Enter");
            t.await("reset: every variable", 30);
            t.type("greet(localhost())");
            t.press("Enter");
            t.await("symbol:   method greet", 30);
        }
    }

    @Test
    void aLibraryFileSavedWhileTheShellRunsIsLoadedAgainAndABrokenSaveKeepsTheOldVersion() throws Exception {
        Path file = Files.createDirectories(home.resolve(".ops/lib")).resolve("greetings.jsh");
        Files.writeString(file, "String greet(String who) {\n    return \"hello \" + who;\n}\n");
        try (Tmux t = shell()) {
            t.typeKeys("var kept = greet(\"first\")");
            t.press("Enter");
            t.await("kept ==> \"hello first\"", 30);
            t.typeKeys("greet(kept)"); // saved while this line is being typed: the report goes above it
            Files.writeString(file, "String greet(String who) {\n    return \"hi \" + who + \", v2\";\n}\n");
            t.await("reloaded ~/.ops/lib/greetings.jsh: replaced method greet(String)", 30);
            t.await("the typed line drawn again below the report", 10,
                    s -> s.stripTrailing().endsWith(PROMPT + "greet(kept)"));
            t.press("Enter");
            t.await("\n\"hi hello first, v2\"\n", 15); // the new version, on a variable made before the save
            Files.writeString(file, "String greet(String who) {\n    return \"broken \" + who\n}\n");
            String s = t.await("~/.ops/lib/greetings.jsh:2: error: ';' expected", 30);
            assertTrue(s.contains("its previous definitions stay"), s);
            t.typeKeys("greet(\"still\")");
            t.press("Enter");
            t.await("\n\"hi still, v2\"\n", 15);
            t.typeKeys("kept");
            t.press("Enter");
            t.await("\n\"hello first\"\n" + PROMPT, 15);
        }
    }

    @Test
    void aLibraryFileThatDoesNotCompileIsReportedAtStartAndALineTypedAtOnceIsAnswered() throws Exception {
        Path file = Files.createDirectories(home.resolve(".ops/lib")).resolve("broken.jsh");
        Files.writeString(file, "int broken() {\n    return 1\n}\n");
        try (Tmux t = Tmux.start(home, OpsProcess.LAUNCHER.toString())) {
            t.await(PROMPT, START);
            t.type("6 * 7"); // at once: JShell may still be loading the library, which has an error to say
            t.press("Enter");
            t.await("\n42\n", 30);
            String s = t.await("~/.ops/lib/broken.jsh:2: error: ';' expected", 30);
            assertTrue(s.contains("~/.ops/lib/broken.jsh not loaded: nothing of it is defined"), s);
        }
    }

    @Test
    void historyIsRecalledWithUpAfterARestart() throws Exception {
        try (Tmux t = shell()) {
            t.type("String remembered = \"kept-across-restarts\"");
            t.press("Enter");
            t.await("remembered ==> \"kept-across-restarts\"", 30);
            t.press("C-d");
            waitForExit(t);
        }
        assertTrue(Files.readString(home.resolve(".ops/history")).contains("kept-across-restarts"));
        try (Tmux t = shell()) {
            t.press("Up");
            t.await(PROMPT + "String remembered = \"kept-across-restarts\"", 15);
        }
    }

    @Test
    void ctrlCCancelsARunningCommandAndLeavesTheShellUsable() throws Exception {
        try (Tmux t = shell()) {
            t.type("\"warm\"");
            t.press("Enter");
            t.await("\n\"warm\"\n" + PROMPT, 30); // JShell is up: Enter now evaluates at once
            t.type("localhost().exec(\"sleep 30\")");
            t.press("Enter");
            t.await("sleep 30  0/1 · ", 10); // the progress line, drawn after 300 ms
            t.press("C-c");
            String s = t.await("1 cancelled", 20); // well before the 30 s sleep would end
            assertFalse(s.contains("0/1 · "), "the progress line is cleared: " + s);
            assertTrue(s.contains("✗ localhost  cancelled"), s);
            t.type("\"still-usable\"");
            t.press("Enter");
            t.await("\n\"still-usable\"\n" + PROMPT, 15);
            t.type("1 +");
            t.await(PROMPT + "1 +", 10);
            t.press("C-c");
            t.await("a fresh prompt after Ctrl-C", 10, screen -> screen.contains(PROMPT + "1 +\n") && screen.stripTrailing().endsWith("ops>"));
            t.type("40 + 2");
            t.press("Enter");
            String after = t.await("\n42\n", 15);
            assertFalse(after.contains("1 +40"), "Ctrl-C at the prompt cleared the line: " + after);
        }
    }

    @Test
    void aSnippetThatIsNotAFanOutStopsOnTheSecondCtrlC() throws Exception {
        try (Tmux t = shell()) {
            t.type("\"warm\"");
            t.press("Enter");
            t.await("\n\"warm\"\n" + PROMPT, 30);
            // the loop makes a folder before it spins: a second Ctrl-C that comes while JShell still
            // compiles the snippet has nothing to stop yet, so the keys wait until the loop runs
            Path looping = home.resolve("looping");
            t.type("for (new java.io.File(\"" + looping + "\").mkdir(); ; ) { } ; \"not reached\"");
            t.press("Enter");
            t.await("the loop running (" + looping + " made)", 30, screen -> Files.isDirectory(looping));
            t.press("C-c");
            t.await("press Ctrl-C again", 10);
            t.press("C-c");
            String s = t.await("stopped (Ctrl-C twice)", 10);
            assertFalse(s.contains("\n\"not reached\""), s);
            t.type("\"alive\"");
            t.press("Enter");
            t.await("\n\"alive\"\n", 15);
        }
    }

    @Test
    void aCompileErrorIsShortAndTheShellGoesOn() throws Exception {
        try (Tmux t = shell()) {
            t.type("localhost().exce(\"x\")");
            t.press("Enter");
            String s = t.await("cannot find symbol", 30);
            assertFalse(s.contains("at jdk.jshell"), s);
            t.type("/foo");
            t.press("Enter");
            t.await("unknown command /foo", 10);
        }
    }

    @Test
    void keysTypedWhileACommandRunsAreKeptForTheNextPrompt() throws Exception {
        Path go = home.resolve("go");
        try (Tmux t = shell()) {
            // the command ends when the test says so, not after a time: with a fixed sleep, a loaded
            // machine could end it before its progress line was seen, or before the keys were typed
            t.type("localhost().exec(\"until [ -e " + go + " ]; do sleep 0.05; done; echo slept\")");
            t.press("Enter");
            t.await("the command running (its progress line)", 30, s -> s.contains("  0/1 · ")); // it runs
            t.type("\"typed-ahead\"");
            Files.createFile(go);
            t.await("    slept", 30);
            t.await(PROMPT + "\"typed-ahead\"", 10);
            t.press("Enter");
            t.await("\n\"typed-ahead\"\n" + PROMPT, 10);
        }
    }

    @Test
    void aSecretIsAskedMaskedAndKeptOutOfTheHistory() throws Exception {
        try (Tmux t = shell()) {
            t.type("new String(Session.current().prompter().secret(\"sudo password for web1:\").orElseThrow()).length()");
            t.press("Enter");
            t.await("sudo password for web1: ", 30);
            t.type("hunter2");
            t.press("Enter");
            String s = t.await("\n7\n", 15);
            assertFalse(s.contains("hunter2"), "the secret is never shown: " + s);
            assertTrue(s.contains("sudo password for web1: *******"), s);
            t.press("C-d");
            waitForExit(t);
        }
        assertFalse(Files.readString(home.resolve(".ops/history")).contains("hunter2"), "the secret is not in the history");
    }

    @Test
    void ctrlDExits() throws Exception {
        try (Tmux t = shell()) {
            t.press("C-d");
            waitForExit(t);
        }
    }

    /**
     * Exit may wait for the history recorder's last write, bounded at 20 s by design (a slow store
     * at exit); 30 s covers that. A clean-clone run once saw more than 10 s here, not reproduced
     * since: the screen is printed if it happens again.
     */
    private static void waitForExit(Tmux t) throws Exception {
        for (int i = 0; i < 300 && t.alive(); i++) Thread.sleep(100);
        assertFalse(t.alive(), () -> "the shell should have exited; the screen shows:\n" + screenOrWhy(t));
    }

    private static String screenOrWhy(Tmux t) {
        try {
            return t.screen();
        } catch (Exception e) {
            return "(no screen: " + e + ")";
        }
    }
}

package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.transport.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptRunnerTest {
    private static Evaluator evaluator;

    @BeforeAll
    static void start() {
        Session.setCurrent(new Session(Settings.defaults(), Inventory.localOnly(), System.out));
        evaluator = new Evaluator(false, false);
    }

    /** Each run is a fresh process in real life: a fresh session, whose exit status starts at 0. */
    @BeforeEach
    void freshSession() {
        Session.setCurrent(new Session(Settings.defaults(), Inventory.localOnly(), System.out));
        Shell.scriptArgs(List.of());
    }

    @AfterAll
    static void stop() {
        evaluator.close();
        Session.setCurrent(null);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String text, boolean stopOnError) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ScriptRunner(evaluator, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true, stopOnError).run("s.jsh", text);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aScriptEndsWithTheWorstCodeOfItsStepsNotOnlyTheLast() {
        assertEquals(5, run("localhost().exec(\"exit 1\");\n", true).code());
        freshSession();
        assertEquals(5, run("localhost().exec(\"exit 1\");\nlocalhost().exec(\"true\");\n", true).code());
        freshSession();
        assertEquals(0, run("localhost().exec(\"true\");\nlocalhost().exec(\"echo fine\");\n", true).code());
    }

    @Test
    void aStepInsideAMethodCountsToo() {
        Run r = run("Results deploy(Hosts h) {\n  var first = h.exec(\"exit 3\");\n  return first.then(exec(\"true\"));\n}\n"
                + "deploy(localhost());\n", true);
        assertEquals(5, r.code(), r.err());
    }

    @Test
    void exitCodeChoosesHowTheScriptEndsWhateverTheHostsDid() {
        assertEquals(0, run("exitCode(0);\nlocalhost().exec(\"exit 1\");\n", true).code());
        freshSession();
        assertEquals(3, run("localhost().exec(\"true\");\nexitCode(3);\n", true).code());
    }

    @Test
    void exitEndsTheScriptAtOnceWithItsCode() {
        Run r = run("\"before\"\nif (true) exit(7);\n\"after\"\n", true);
        assertEquals(7, r.code());
        assertTrue(r.out().contains("before") && !r.out().contains("after"), r.out());
        assertEquals("", r.err(), "an exit is not an error");
        assertEquals(6, run("exit(6);\n\"after\"\n", false).code(), "also when the run goes on past errors");
    }

    @Test
    void slashExitAloneEndsWithTheWorstCodeSoFar() {
        assertEquals(5, run("localhost().exec(\"false\");\nlocalhost().exec(\"true\");\n/exit\n", true).code());
    }

    @Test
    void argsWithTooFewArgumentsEndsWithTheUsageAndExitTwo() {
        Run r = run("var version = args(1, \"usage: deploy.jsh VERSION\")[0];\n\"not reached\"\n", true);
        assertEquals(2, r.code());
        assertEquals("s.jsh: expected 1 argument, got none\nusage: deploy.jsh VERSION\n", r.err());
        assertTrue(!r.out().contains("not reached"), r.out());
        Shell.scriptArgs(List.of("1.2"));
        Run ok = run("var version = args(1, \"usage: deploy.jsh VERSION\")[0];\nversion\n", true);
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("1.2"), ok.out());
    }

    @Test
    void readingAnArgumentThatWasNotGivenSaysTheScriptExpectedOne() {
        evaluator.eval("String[] args = {};");
        Run r = run("var host = args[0];\n", true);
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("s.jsh:1: the script expects at least 1 argument (it reads args[0]) but was given"
                + " none: run it as ops s.jsh ARG, or say what it needs with args(1, \"usage: s.jsh …\")"), r.err());
        assertTrue(!r.err().contains("ArrayIndexOutOfBoundsException"), r.err());
        Run other = run("int[] a = new int[0];\nint x = a[2];\n", true);
        assertTrue(other.err().contains("ArrayIndexOutOfBoundsException"), "another array's error is left as it is: " + other.err());
    }

    @Test
    void aCompileErrorNamesTheScriptLineAndStopsWithOne() {
        Run r = run("int a = 1;\n\n// a comment\nint b = nope;\nSystem.out.println(\"not reached\");\n", true);
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("s.jsh:4: error: cannot find symbol"), r.err());
        assertTrue(!r.out().contains("not reached"), r.out());
    }

    @Test
    void anExceptionInsideAMultiLineSnippetPointsAtItsLine() {
        Run r = run("int x = 0;\nvoid g() {\n  int y = 1;\n  throw new RuntimeException(\"bad\");\n}\ng();\n", true);
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("s.jsh:6: RuntimeException: bad\n  at g(s.jsh:4)"), r.err());
    }

    @Test
    void slashExitEndsTheScriptWithItsCode() {
        Run r = run("\"before\"\n/exit 3\n\"after\"\n", true);
        assertEquals(3, r.code());
        assertTrue(r.out().contains("before") && !r.out().contains("after"), r.out());
    }

    @Test
    void anUnfinishedSnippetAtTheEndIsAnErrorWithItsLine() {
        Run r = run("int z = 1;\nvoid h() {\n  System.out.println(1);\n", true);
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("s.jsh:2: error: the snippet starting here is not finished"), r.err());
    }

    @Test
    void withoutStopOnErrorTheRunGoesOnAndStillFails() {
        Run r = run("int q = nope;\n\"went on\"\n", false);
        assertTrue(r.out().contains("went on"), r.out());
        assertEquals(1, r.code());
    }

    @Test
    void aLineStartingWithADotContinuesTheSnippetAbove() {
        Run r = run("localhost()\n    .exec(\"echo chained\")\n", true);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("    chained"), r.out());
    }

    @Test
    void severalSnippetsOnOneLineRunInOrder() {
        Run r = run("int m = 2; int n = m * 21; n\n", true);
        assertTrue(r.out().strip().endsWith("42"), r.out());
    }
}

package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.transport.Settings;
import dev.opsshell.shell.ExitCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One in-process JShell shared by the tests (starting one takes a second). */
class EvaluatorTest {
    private static Evaluator evaluator;
    private static final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        Session.setCurrent(new Session(Settings.defaults(), Inventory.localOnly(),
                new PrintStream(printed, true, StandardCharsets.UTF_8)));
        evaluator = new Evaluator(true, true);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
        Session.setCurrent(null);
    }

    @BeforeEach
    void clear() {
        printed.reset();
    }

    private static String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anExpressionEchoesItsValue() {
        Reply r = evaluator.eval("1 + 2");
        assertEquals(List.of("3"), r.echo());
        assertEquals(3, r.value());
    }

    @Test
    void aVariableTypedAloneIsShownWithOneCallToItsToString() {
        evaluator.eval("int[] shown = {0};");
        evaluator.eval("Object counted = new Object() { public String toString() { return \"shown \" + (++shown[0]); } };");
        evaluator.eval("shown[0] = 0;");
        Reply r = evaluator.eval("counted");
        assertEquals(1, evaluator.eval("shown[0]").value(), () -> "toString calls for one echo: " + r.echo());
    }

    @Test
    void theSystemsVocabularyAndItsTypesAreImportedAndCompleted() {
        Reply r = evaluator.eval("Template.of(kvm(), medium(), Type.named(\"redis\"), debian(), \"blue\").size() == Size.MEDIUM"
                + " && MachineState.RUNNING != null && JobKind.of(\"destroy\").destructive() && JobStatus.SUCCEEDED != null");
        assertFalse(r.failed(), r.toString());
        assertEquals(true, r.value());
        int[] anchor = new int[1];
        List<String> words = evaluator.completions("syste", 5, anchor).stream().map(s -> s.continuation()).toList();
        assertTrue(words.contains("systems()") && words.contains("system("), words.toString());
        words = evaluator.completions("conv", 4, anchor).stream().map(s -> s.continuation()).toList();
        assertTrue(words.contains("converge("), words.toString());
    }

    @Test
    void resultsEchoLikePrettyAndSetTheExitCode() {
        Reply r = evaluator.eval("localhost().exec(\"echo hi; exit 3\")");
        String echo = String.join("\n", r.echo());
        assertTrue(echo.contains("✗ localhost  exit 3"), echo);
        assertTrue(echo.contains("    hi"), echo);
        assertEquals(5, evaluator.lastExitCode());
        evaluator.eval("localhost().exec(\"true\")");
        assertEquals(0, evaluator.lastExitCode());
    }

    @Test
    void resultsAlreadyPrintedByPrettyAreNotEchoedAgain() {
        Reply r = evaluator.eval("localhost().exec(\"echo once\").pretty()");
        assertEquals(List.of(), r.echo());
        assertEquals(1, printed().split("    once", -1).length - 1, printed());
    }

    @Test
    void aVariableThatHoldsResultsEchoesWhenTypedAlone() {
        evaluator.eval("var shownResults = localhost().exec(\"echo again\").pretty();");
        Reply r = evaluator.eval("shownResults");
        assertTrue(String.join("\n", r.echo()).contains("again"), r.toString());
    }

    @Test
    void voidCallsAndStatementsEchoNothing() {
        assertEquals(List.of(), evaluator.eval("System.out.print(\"\")").echo());
        assertEquals(List.of(), evaluator.eval("for (int i = 0; i < 2; i++) { }").echo());
    }

    @Test
    void aDeclarationEchoesNameAndValueAndAMethodSaysCreatedThenReplaced() {
        assertEquals(List.of("greeting ==> \"hello\""), evaluator.eval("var greeting = \"hello\";").echo());
        assertEquals(List.of("created method twice(int)"), evaluator.eval("int twice(int x) { return 2 * x; }").echo());
        assertEquals(List.of("replaced method twice(int)"), evaluator.eval("int twice(int x) { return 3 * x; }").echo());
        assertEquals(List.of("9"), evaluator.eval("twice(3)").echo());
    }

    @Test
    void aDeclarationAfterAnExpressionCarriesNoValue() {
        evaluator.eval("localhost().exec(\"exit 3\")");
        Reply r = evaluator.eval("void nothing() { }");
        assertEquals(null, r.value());
        assertEquals(5, evaluator.lastExitCode());
    }

    @Test
    void aCompileErrorIsShortWithTheLineAndACaret() {
        Reply r = evaluator.eval("int y = nosuchThing + 1;");
        assertEquals(Reply.Status.COMPILE_ERROR, r.status());
        String[] lines = r.error().split("\n");
        assertTrue(lines[0].startsWith("error: cannot find symbol"), r.error());
        assertTrue(r.error().contains("    int y = nosuchThing + 1;\n            ^"), r.error());
        assertFalse(r.error().contains("location:"), r.error());
    }

    @Test
    void anExceptionIsOneLineWithTheUserFrameAndTheFullTraceIsKept() {
        evaluator.eval("void explode() { throw new IllegalStateException(\"boom\"); }");
        Reply r = evaluator.eval("explode()");
        assertEquals(Reply.Status.EXCEPTION, r.status());
        assertTrue(r.error().startsWith("IllegalStateException: boom\n  at explode(#"), r.error());
        assertFalse(r.error().contains("jdk.jshell"), r.error());
        assertNotNull(evaluator.lastError());
        assertEquals("boom", evaluator.lastError().getMessage());
        assertTrue(Shell.trace().contains("java.lang.IllegalStateException: boom"), Shell.trace());
        assertEquals("boom", evaluator.eval("lastError().getMessage()").value());
    }

    @Test
    void anUnknownGroupIsAnExceptionNamingTheInventory() {
        Reply r = evaluator.eval("hosts(\"nosuchgroup\")");
        assertTrue(r.error().startsWith("InventoryException: no group or host named 'nosuchgroup'"), r.error());
        assertEquals(2, ExitCodes.forError(r.thrown()));
    }

    @Test
    void inputIsSplitIntoSnippetsAndAnUnfinishedRestIsKept() {
        Snippets.Split s = evaluator.split("int a = 1; int b = 2; void f() {");
        assertEquals(2, s.complete().size());
        assertTrue(s.unfinished());
        assertTrue(s.remainder().strip().startsWith("void f() {"), s.remainder());
        assertFalse(evaluator.split("localhost()").unfinished());
        assertEquals(1, evaluator.split("localhost()").complete().size());
    }
}

package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.transport.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A method redefined at the prompt, with the Instrumentation java -jar gives the shell. */
class ClassRedefinitionTest {
    private static Evaluator evaluator;

    @BeforeAll
    static void start() throws Exception {
        SelfAttach.redefinitionAsTheJarHasIt();
        Session.setCurrent(new Session(Settings.defaults(), Inventory.localOnly(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        evaluator = new Evaluator(true, true);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
        Session.setCurrent(null);
    }

    private Object value(String code) {
        Reply r = evaluator.eval(code);
        assertFalse(r.failed(), code + ": " + r.error());
        return r.value();
    }

    @Test
    void aRedefinedMethodKeepsTheVariablesMadeWithItAndLambdasMadeBeforeCallTheNewBody() {
        value("String version() { return \"one\"; }");
        value("var made = version();");
        value("Supplier<String> later = () -> version();");
        Reply r = evaluator.eval("String version() { return \"two\"; }");
        assertEquals(List.of("replaced method version()"), r.echo());
        assertEquals("one", value("made.toString()"), "JShell alone resets it to null: it must recompile what called the method");
        assertEquals("two", value("later.get()"), "JShell alone leaves the old lambda calling the old body");
        assertEquals("two", value("version()"));
    }

    @Test
    void aVariableDeclaredAgainIsANewValueAndALambdaKeptFromTheOldOneRunsTheOldCode() {
        value("Supplier<String> word = () -> \"old\";");
        value("List<Supplier<String>> keptWords = new ArrayList<>(List.of(word));");
        value("Supplier<String> word = () -> \"new\";");
        assertEquals("old", value("keptWords.get(0).get()"));
        assertEquals("new", value("word.get()"));
    }

    @Test
    void aChangeTheJvmCannotSwapInPlaceStillWorksAsJShellDoesIt() {
        value("record Point(int x) { }");
        value("var p = new Point(1);");
        Reply r = evaluator.eval("record Point(int x, int y) { }");
        assertEquals(List.of("replaced record Point"), r.echo());
        assertEquals(3, value("new Point(1, 2).x() + new Point(1, 2).y()"));
    }
}

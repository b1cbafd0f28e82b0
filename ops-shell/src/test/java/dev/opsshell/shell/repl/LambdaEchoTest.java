package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.transport.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lambda echoes as its interface and source text, not as the class the JDK spun for it. */
class LambdaEchoTest {
    private static Evaluator evaluator;

    @BeforeAll
    static void start() {
        Session.setCurrent(new Session(Settings.defaults(), Inventory.localOnly(), new PrintStream(OutputStream.nullOutputStream())));
        evaluator = new Evaluator(true, true);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
        Session.setCurrent(null);
    }

    private static List<String> echo(String snippet) {
        Reply r = evaluator.eval(snippet);
        assertTrue(!r.failed(), r.error());
        return r.echo();
    }

    @Test
    void anOperationDeclaredAsALambdaEchoesItsSourceTextAlsoWhenTypedAlone() {
        assertEquals(List.of("uptimeOp ==> Operation: h -> h.exec(\"uptime\")"),
                echo("Operation uptimeOp = h -> h.exec(\"uptime\");"));
        assertEquals(List.of("Operation: h -> h.exec(\"uptime\")"), echo("uptimeOp"));
        java.io.ByteArrayOutputStream vars = new java.io.ByteArrayOutputStream();
        Commands.run("/vars", evaluator, new PrintStream(vars, true), new PrintStream(OutputStream.nullOutputStream()));
        assertTrue(vars.toString().contains("Operation uptimeOp = Operation: h -> h.exec(\"uptime\")\n"), vars.toString());
    }

    @Test
    void aLambdaMadeByAMethodShowsTheMethodsLambdaAndWhatItCaptured() {
        echo("Operation restart(String unit) { return h -> h.exec(\"systemctl restart \" + unit); }");
        assertEquals(List.of("Operation: h -> h.exec(\"systemctl restart \" + unit)  capturing \"nginx\""),
                echo("restart(\"nginx\")"));
    }

    @Test
    void aLambdaKeptFromBeforeARedefinitionShowsTheTextItWasMadeFrom() {
        echo("Operation first = h -> h.exec(\"date\");");
        echo("List<Operation> kept = new ArrayList<>();");
        echo("kept.add(first);");
        echo("Operation first = h -> h.exec(\"hostname\");");
        assertEquals(List.of("Operation: h -> h.exec(\"date\")"), echo("kept.get(0)"));
        assertEquals(List.of("Operation: h -> h.exec(\"hostname\")"), echo("first"));
    }

    @Test
    void withSeveralLambdasInOneSnippetItNamesTheSnippet() {
        List<String> e = echo("Operation either = Math.random() < 2 ? h -> h.exec(\"a\") : h -> h.exec(\"b\");");
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).matches("either ==> Operation: a lambda in snippet \\d+ \\(Operation either = Math.random.*\\)"), e.get(0));
    }

    @Test
    void aMethodReferenceAndALambdaFromTheToolkitAreReadableToo() {
        assertEquals(List.of("Function: String::strip"), echo("(Function<String, String>) String::strip"));
        assertTrue(echo("successful()").get(0).startsWith("Predicate: a lambda from dev.opsshell"), echo("successful()").toString());
    }
}

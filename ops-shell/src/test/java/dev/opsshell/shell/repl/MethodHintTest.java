package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.transport.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What operators type first either works or fails with a message that says what to write. */
class MethodHintTest {
    private static Evaluator evaluator;

    @BeforeAll
    static void start() {
        Session.setCurrent(new Session(Settings.defaults(), Inventory.localOnly(), System.out));
        evaluator = new Evaluator(true, true);
        evaluator.eval("var r = localhost().exec(\"true\");");
    }

    @AfterAll
    static void stop() {
        evaluator.close();
        Session.setCurrent(null);
    }

    private static String error(String code) {
        Reply reply = evaluator.eval(code);
        assertTrue(reply.failed(), code + " should not compile");
        return reply.error();
    }

    @Test
    void continuingOnTheHostsThatSucceededWorksAsFirstTyped() {
        Reply reply = evaluator.eval("r.successful().exec(\"echo next\")");
        assertFalse(reply.failed(), reply.error());
        assertTrue(String.join("\n", reply.echo()).contains("✔ localhost\n    next"), reply.echo().toString());
        assertFalse(evaluator.eval("hosts(r.successful()).exec(\"true\")").failed());
        assertFalse(evaluator.eval("run(r.successful(), exec(\"true\"))").failed());
    }

    @Test
    void aResultsMethodOnHostsSaysToRunSomethingFirst() {
        String e = error("hosts(\"localhost\").successful()");
        assertTrue(e.endsWith("\nhint: Hosts has no successful(); hosts are not results yet: run something first, as in"
                + " hosts(\"web\").exec(\"…\").successful()"), e);
    }

    @Test
    void aHostsMethodOnResultsSaysWhereTheHostsAre() {
        assertTrue(error("r.names()").endsWith("hint: Results has no names(); the hosts of these results are .hosts(),"
                + " as in r.successful().hosts().names()"), error("r.names()"));
    }

    @Test
    void oneHostsFieldOnResultsSaysHowToGetOne() {
        assertTrue(error("r.stdout()").endsWith("hint: Results has no stdout(); Results hold one Result per host:"
                + " r.get(\"web01\").stdout() for one, r.list() for all"), error("r.stdout()"));
    }

    @Test
    void aTypoGetsTheNearestName() {
        assertTrue(error("r.sucessful()").endsWith("hint: Results has no sucessful(); did you mean successful()?"),
                error("r.sucessful()"));
    }

    @Test
    void otherErrorsGetNoHint() {
        assertFalse(error("int x = \"a\";").contains("hint:"));
        assertFalse(error("new StringBuilder().nope()").contains("hint:"));
    }

    @Test
    void editDistanceCountsSingleEdits() {
        assertEquals(1, MethodHint.distance("sucessful", "successful"));
        assertEquals(0, MethodHint.distance("pretty", "pretty"));
        assertEquals(3, MethodHint.distance("kitten", "sitting"));
    }
}

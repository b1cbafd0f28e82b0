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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's own commands, against a real in-process JShell. */
class CommandsTest {
    private static Evaluator evaluator;

    @BeforeAll
    static void start() {
        Session.setCurrent(new Session(Settings.defaults(), Inventory.localOnly(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        evaluator = new Evaluator(true, true);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
        Session.setCurrent(null);
    }

    private static String run(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
        Commands.run(command, evaluator, p, p);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsListsEachStartupImportOnALineOfItsOwn() {
        List<String> lines = run("/imports").lines().toList();
        assertEquals(Evaluator.STARTUP, lines.subList(0, Evaluator.STARTUP.size()));
    }

    @Test
    void listShowsWhatWasTypedNotTheStartup() {
        evaluator.eval("int typedHere = 1;");
        String list = run("/list");
        assertTrue(list.contains("int typedHere = 1;"), list);
        assertFalse(list.contains("import"), list);
    }
}

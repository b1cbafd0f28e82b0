package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.transport.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library of .jsh files, loaded into a real in-process JShell and reloaded after edits. */
class LibraryTest {
    @TempDir
    Path dir;
    private Path team;
    private Path own;
    private Evaluator evaluator;

    @BeforeAll
    static void redefinitionAsTheJarHasIt() throws Exception {
        SelfAttach.redefinitionAsTheJarHasIt();
    }

    @BeforeEach
    void start() throws Exception {
        Session.setCurrent(new Session(Settings.defaults(), Inventory.localOnly(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        team = Files.createDirectories(dir.resolve("team/lib"));
        own = Files.createDirectories(dir.resolve("home/.ops/lib"));
        evaluator = new Evaluator(true, true);
    }

    @AfterEach
    void stop() {
        evaluator.close();
        Session.setCurrent(null);
    }

    private Library.Report load() {
        return evaluator.library().load(List.of(team, own));
    }

    private Object value(String expression) {
        Reply r = evaluator.eval(expression);
        assertTrue(!r.failed(), expression + ": " + r.error());
        return r.value();
    }

    @Test
    void foldersAreBesideTheInventoryThenUnderDotOpsAndOneWhenTheyAreTheSame() throws Exception {
        Path home = dir.resolve("home");
        Path inventoryFile = Files.createDirectories(dir.resolve("repo")).resolve("hosts.ini");
        Files.writeString(inventoryFile, "web1\n");
        assertEquals(List.of(dir.resolve("repo/lib"), home.resolve(".ops/lib")), Library.folders(home, Optional.of(inventoryFile)));
        Path inventoryDir = Files.createDirectories(dir.resolve("inventory"));
        assertEquals(List.of(inventoryDir.resolve("lib"), home.resolve(".ops/lib")), Library.folders(home, Optional.of(inventoryDir)));
        assertEquals(List.of(home.resolve(".ops/lib")), Library.folders(home, Optional.of(home.resolve(".ops/inventory"))));
        assertEquals(List.of(home.resolve(".ops/lib")), Library.folders(home, Optional.empty()));
    }

    @Test
    void filesLoadInNameOrderTeamFirstSoTheOperatorsOwnDefinitionsWin() throws Exception {
        Files.writeString(team.resolve("a.jsh"), "String who() { return \"team\"; }\nString both() { return who() + \"+\" + later(); }\n");
        Files.writeString(team.resolve("b.jsh"), "String later() { return \"b\"; }\n");
        Files.writeString(own.resolve("mine.jsh"), "String who() { return \"mine\"; }\n");
        Files.writeString(own.resolve(".hidden.jsh"), "String hidden() { return \"no\"; }\n");
        Files.writeString(own.resolve("notes.txt"), "not java\n");
        Library.Report r = load();
        assertEquals(List.of(), r.problems());
        assertEquals("mine+b", value("both()"), "a.jsh used b.jsh's method, defined after it; the operator's who() won");
        assertTrue(evaluator.eval("hidden()").failed(), "hidden files are not loaded");
    }

    @Test
    void aChangedFileReplacesItsDefinitionsAndVariablesMadeWithThemKeepTheirValues() throws Exception {
        Path f = own.resolve("ops.jsh");
        Files.writeString(f, "String greet(String who) { return \"hello \" + who; }\n");
        load();
        value("var kept = greet(\"a\");");
        value("Supplier<String> later = () -> greet(\"b\");");
        Files.writeString(f, "// second version\n\nString greet(String who) {\n    return \"hi \" + who;\n}\n");
        Library.Report r = evaluator.library().reload();
        assertEquals(List.of("reloaded " + Library.display(f) + ": replaced method greet(String)"), r.changes(), r.text());
        assertEquals("hi c", value("greet(\"c\")"));
        assertEquals("hello a", value("kept.toString()"), "a variable made with the old version keeps its value");
        assertEquals("hi b", value("later.get()"), "a lambda made before calls the new version");
        assertTrue(evaluator.library().reload().isEmpty(), "nothing changed since: nothing to say");
    }

    @Test
    void unchangedSnippetsAreNotEvaluatedAgain() throws Exception {
        Path f = own.resolve("ops.jsh");
        String counter = "System.setProperty(\"libtest.runs\", String.valueOf(Integer.getInteger(\"libtest.runs\", 0) + 1));\n";
        System.clearProperty("libtest.runs");
        Files.writeString(f, counter + "int one() { return 1; }\n");
        load();
        Files.writeString(f, "\n" + counter + "int one() { return 11; }\nint two() { return 2; }\n");
        Library.Report r = evaluator.library().reload();
        assertEquals(List.of("reloaded " + Library.display(f) + ": replaced method one(), created method two()"), r.changes());
        assertEquals("1", System.getProperty("libtest.runs"), "the statement did not change, so it did not run again");
        assertEquals(13, value("one() + two()"));
    }

    @Test
    void aFileThatNoLongerCompilesKeepsItsPreviousDefinitionsAndSaysFileAndLine() throws Exception {
        Path f = own.resolve("ops.jsh");
        Files.writeString(f, "int base() { return 1; }\n\nint twice(int x) {\n    return 2 * x;\n}\n");
        load();
        // a type error: JShell alone would let the broken method overwrite the old one
        Files.writeString(f, "int base() { return 100; }\n\nint twice(int x) {\n    return \"two\";\n}\n");
        Library.Report r = evaluator.library().reload();
        assertEquals(List.of(), r.changes());
        String text = r.text();
        assertTrue(text.startsWith(Library.display(f) + ":4: error: incompatible types"), text);
        assertTrue(text.contains("its previous definitions stay"), text);
        assertEquals(6, value("base() + twice(2) + 1"), "both old definitions work: the file is loaded whole or not at all");
        // a syntax error, and a call to a method defined nowhere
        Files.writeString(f, "int base() { return 1; }\nint twice(int x) {\n    return 2 * x\n}\n");
        assertTrue(evaluator.library().reload().text().startsWith(Library.display(f) + ":3: error: ';' expected"));
        Files.writeString(f, "int base() { return 1; }\n\nint twice(int x) {\n    return 2 * tripple(x);\n}\n");
        String missing = evaluator.library().reload().text();
        assertTrue(missing.startsWith(Library.display(f) + ":4: error: cannot find method tripple(int)"), missing);
        assertEquals(4, value("twice(2)"));
        Files.writeString(f, "int base() { return 1; }\n\nint twice(int x) {\n    return 3 * x;\n}\n");
        assertEquals(List.of("reloaded " + Library.display(f) + ": replaced method twice(int)"), evaluator.library().reload().changes());
        assertEquals(6, value("twice(2)"));
    }

    @Test
    void aDefinitionTypedAtThePromptThatABrokenFileOverwroteComesBack() throws Exception {
        evaluator.eval("String shared() { return \"typed\"; }");
        Path f = own.resolve("ops.jsh");
        Files.writeString(f, "String shared() { return 42; }\n");
        Library.Report r = load();
        assertTrue(r.text().startsWith(Library.display(f) + ":1: error: incompatible types"), r.text());
        assertTrue(r.text().contains("nothing of it is defined"), r.text());
        assertEquals("typed", value("shared()"));
    }

    @Test
    void aRuntimeErrorInAFileIsReportedWithItsLineAndTheRestLoads() throws Exception {
        Path f = own.resolve("ops.jsh");
        Files.writeString(f, "int ok() { return 1; }\nObject broken = List.of().get(0);\nint after() { return 2; }\n");
        Library.Report r = load();
        assertTrue(r.text().contains(Library.display(f) + ":2: ArrayIndexOutOfBoundsException"), r.text());
        assertEquals(3, value("ok() + after()"));
    }

    @Test
    void openLoadsAFileByHandAndReloadSeesItsChanges() throws Exception {
        load();
        Path f = Files.writeString(dir.resolve("elsewhere.jsh"), "int handMade() { return 1; }\n");
        Library.Report r = evaluator.library().open(f);
        assertEquals(List.of("loaded " + Library.display(f) + ": created method handMade()"), r.changes());
        Files.writeString(f, "int handMade() { return 2; }\n");
        evaluator.library().reload();
        assertEquals(2, value("handMade()"));
        assertTrue(evaluator.library().directories().contains(dir), "its directory is watched");
        assertTrue(evaluator.library().open(dir.resolve("missing.jsh")).text().startsWith("no file "));
    }

    @Test
    void anUnfinishedFileIsNotLoadedAndNamesTheLineItStarts() throws Exception {
        Path f = own.resolve("ops.jsh");
        Files.writeString(f, "int fine() { return 1; }\n\nint open() {\n    return 2;\n");
        Library.Report r = load();
        assertTrue(r.text().startsWith(Library.display(f) + ":3: error: the snippet starting here is not finished"), r.text());
        assertTrue(evaluator.eval("fine()").failed(), "nothing of an unfinished file is loaded");
    }

    @Test
    void aLineStartingWithADotContinuesTheSnippetAboveAsInScripts() throws Exception {
        Path f = own.resolve("ops.jsh");
        Files.writeString(f, "String chained = \"a\"\n    .concat(\"b\")\n    .concat(\"c\");\n");
        assertEquals(List.of(), load().problems());
        assertEquals("abc", value("chained.toString()"));
    }
}

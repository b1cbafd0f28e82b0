package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.transport.Settings;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnippetParserTest {
    private static Evaluator evaluator;
    private static SnippetParser parser;

    @BeforeAll
    static void start() {
        Map<String, Host> hosts = new LinkedHashMap<>();
        hosts.put("web01", Host.of("web01"));
        hosts.put("db01", Host.of("db01"));
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("webservers", List.of("web01"));
        groups.put("dbs", List.of("db01"));
        Inventory inv = new Inventory("lab.ini", hosts, groups);
        Session.setCurrent(new Session(Settings.defaults(), inv, System.out));
        evaluator = new Evaluator(true, true);
        parser = new SnippetParser(() -> evaluator);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
        Session.setCurrent(null);
    }

    private static SnippetParser.Line complete(String line) {
        return (SnippetParser.Line) parser.parse(line, line.length(), ParseContext.COMPLETE);
    }

    private static List<String> values(SnippetParser.Line line) {
        return line.suggestions().stream().map(SnippetParser.Suggestion::value).toList();
    }

    @Test
    void theVocabularyCompletesFromJShellsAnalysis() {
        SnippetParser.Line l = complete("localh");
        assertEquals("localh", l.word());
        assertTrue(values(l).stream().anyMatch(v -> v.startsWith("localhost(")), values(l).toString());
    }

    @Test
    void methodsOfAValueCompleteAfterTheDot() {
        SnippetParser.Line l = complete("localhost().ex");
        assertEquals("ex", l.word());
        assertTrue(values(l).contains("exec("), values(l).toString());
    }

    @Test
    void insideHostsTheInventorysGroupsAndHostsComplete() {
        SnippetParser.Line l = complete("hosts(\"");
        assertEquals("", l.word());
        assertEquals(List.of("webservers", "dbs", "web01", "db01"), values(l));
        assertEquals("groups", l.suggestions().get(0).group());
        assertEquals(List.of("webservers"), values(complete("var w = hosts(\"web")).subList(0, 1));
    }

    @Test
    void shellCommandsCompleteAfterASlash() {
        assertEquals(List.of("/vars"), values(complete("/va")).stream().filter(v -> v.startsWith("/va")).toList());
    }

    @Test
    void enterOnAnUnfinishedSnippetAsksForAnotherLine() {
        assertThrows(EOFError.class, () -> parser.parse("void f() {", 10, ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> parser.parse("localhost().exec(", 17, ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> parser.parse("void f() { }", 12, ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> parser.parse("/vars", 5, ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> parser.parse("// just a note", 14, ParseContext.ACCEPT_LINE));
    }
}

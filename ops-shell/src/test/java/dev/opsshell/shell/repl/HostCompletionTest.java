package dev.opsshell.shell.repl;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.inventory.Inventory;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostCompletionTest {
    private final Inventory inventory = inventory();

    private static Inventory inventory() {
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (String n : List.of("web01", "web02", "db01")) hosts.put(n, Host.of(n));
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("web", List.of("web01", "web02"));
        groups.put("db", List.of("db01"));
        groups.put("prod", List.of("web01", "db01"));
        groups.put("all", List.of("web01", "web02", "db01"));
        return new Inventory("test.ini", hosts, groups);
    }

    @Test
    void insideHostsQuoteOffersGroupsThenHostsThatStartWithTheWord() {
        String line = "hosts(\"we";
        HostCompletion.Candidates c = HostCompletion.at(line, line.length(), inventory).orElseThrow();
        assertEquals(List.of("web"), c.groups());
        assertEquals(List.of("web01", "web02"), c.hosts());
        assertEquals(line.indexOf('"') + 1, c.anchor());
    }

    @Test
    void anEmptyWordOffersEveryGroupAndHost() {
        String line = "var h = hosts(\"";
        HostCompletion.Candidates c = HostCompletion.at(line, line.length(), inventory).orElseThrow();
        assertEquals(List.of("web", "db", "prod", "all"), c.groups());
        assertEquals(List.of("web01", "web02", "db01"), c.hosts());
    }

    @Test
    void afterAPatternOperatorTheNextWordIsCompleted() {
        String line = "hosts(\"web:&pr";
        HostCompletion.Candidates c = HostCompletion.at(line, line.length(), inventory).orElseThrow();
        assertEquals(List.of("prod"), c.groups());
        assertEquals(line.length() - 2, c.anchor());
    }

    @Test
    void outsideAnOpenHostsStringThereIsNothingToOffer() {
        assertTrue(HostCompletion.at("hosts(\"web\").ex", 15, inventory).isEmpty());
        assertTrue(HostCompletion.at("localh", 6, inventory).isEmpty());
        assertTrue(HostCompletion.at("ghosts(\"we", 10, inventory).isEmpty());
    }

    @Test
    void theCursorNotTheLineEndDecides() {
        String line = "hosts(\"db\").exec(\"x\")";
        HostCompletion.Candidates c = HostCompletion.at(line, 9, inventory).orElseThrow();
        assertEquals(List.of("db"), c.groups());
        assertEquals(List.of("db01"), c.hosts());
    }
}

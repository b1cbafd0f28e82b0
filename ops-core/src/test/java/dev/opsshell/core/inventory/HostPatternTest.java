package dev.opsshell.core.inventory;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ansible host patterns and node sets select hosts from the fixture inventory in inventory order. */
class HostPatternTest {
    private static final Inventory INV = Fixtures.load("full.ini");
    private static final List<String> WEB = List.of("web01", "web02", "web03", "web04");
    private static final List<String> DB = List.of("db-a.example.com", "db-b.example.com", "db-c.example.com",
            "db-z.example.com");

    private static List<String> select(String pattern) {
        return INV.select(pattern).names();
    }

    private static String error(String pattern) {
        return assertThrows(InventoryException.class, () -> INV.select(pattern)).getMessage();
    }

    @Test
    void allAndStarSelectEveryInventoryHost() {
        assertEquals(11, select("all").size());
        assertEquals(select("all"), select("*"));
    }

    @Test
    void aGroupSelectsItsHostsThroughChildren() {
        assertEquals(WEB, select("web"));
        assertEquals(concat(WEB, DB), select("prod"));
    }

    @Test
    void aHostNameSelectsThatHost() {
        assertEquals(List.of("web04"), select("web04"));
        assertEquals("10.0.0.4", INV.select("web04").list().get(0).address());
    }

    @Test
    void colonAndCommaMakeAUnionInInventoryOrderWithoutDuplicates() {
        assertEquals(concat(List.of("jump.example.com"), WEB), select("web:jump.example.com"));
        assertEquals(select("web:jump.example.com"), select("web,jump.example.com,web01"));
    }

    @Test
    void ampersandIntersects() {
        assertEquals(WEB, select("prod:&web"));
        assertEquals(List.of("web02"), select("web:&web02"));
    }

    @Test
    void bangExcludes() {
        assertEquals(DB, select("prod:!web"));
        assertEquals(List.of("web01", "web03", "web04"), select("web:!web02"));
    }

    @Test
    void unionsComeFirstWhateverTheOrderWritten() {
        assertEquals(List.of("web01", "web03", "web04"), select("!web02:web"));
        assertEquals(List.of("web01", "web03"), select("prod:&web:!web02:!web04"));
    }

    @Test
    void onlyExclusionsStartFromAll() {
        assertEquals(List.of("jump.example.com", "lb01", "shared"), select("!prod"));
    }

    @Test
    void globsMatchHostAndGroupNames() {
        assertEquals(WEB, select("web0?"));
        assertEquals(DB, select("db-*"));
        assertEquals(List.of("shared"), select("*_team"));
    }

    @Test
    void aRegexMatchesNamesFromTheirStart() {
        assertEquals(List.of("web01", "web03"), select("~web0[13]"));
        assertEquals(List.of("db-z.example.com"), select("~db-z"));
        assertTrue(error("~example").contains("matches no group or host"), "re.match anchors at the start");
    }

    @Test
    void nodeSetsExpandToHostNames() {
        assertEquals(List.of("web01", "web02", "web03"), select("web[01-03]"));
        assertEquals(List.of("web01", "web02", "web04"), select("web[01-02,04]"));
        assertEquals(List.of("web02", "web04", "lb01"), select("web[02,04],lb01"));
    }

    @Test
    void aLiteralAddressNotInTheInventoryIsAnAdHocHost() {
        Hosts h = INV.select("10.1.2.3");
        assertEquals(List.of(Host.of("10.1.2.3")), h.list());
        assertEquals(List.of("db.internal", "::1"), select("db.internal,::1"));
        assertEquals(concat(WEB, List.of("10.9.9.9")), select("10.9.9.9:web"), "ad-hoc hosts come after inventory hosts");
    }

    @Test
    void anAdHocHostMayNameItsUser() {
        Host h = INV.select("root@10.1.2.3").list().get(0);
        assertEquals("10.1.2.3", h.address());
        assertEquals("root", h.user());
    }

    @Test
    void localhostAlwaysResolvesToThisMachine() {
        Host h = INV.select("localhost").list().get(0);
        assertEquals("localhost", h.name());
        assertTrue(h.isLocal());
        assertEquals(List.of("localhost"), Inventory.localOnly().select("all").names());
    }

    @Test
    void anUnknownWordIsAnErrorListingTheGroups() {
        String m = error("webz");
        assertTrue(m.startsWith("no group or host named 'webz' in "), m);
        assertTrue(m.contains("groups: all, ungrouped, web, db, prod, lb, a_team, z_team, empty, nothing"), m);
    }

    @Test
    void anUnknownGroupAfterAmpersandOrBangIsAnError() {
        assertTrue(error("web:&prdo").startsWith("no group named 'prdo'"));
        assertTrue(error("web:!dbb").startsWith("no group named 'dbb'"));
    }

    @Test
    void anEmptyGroupSelectedIsAnError() {
        assertTrue(error("empty").startsWith("group 'empty' in "), error("empty"));
        assertTrue(error("nothing").contains("has no hosts"));
        assertEquals(WEB, select("web:!nothing"), "excluding an empty group excludes nothing");
    }

    @Test
    void anIntersectionThatLeavesNothingIsAnError() {
        assertTrue(error("web:&db").startsWith("pattern 'web:&db' selects no hosts"), error("web:&db"));
    }

    @Test
    void malformedPatternsSayWhatIsWrong() {
        assertTrue(error("web::db").startsWith("empty term in host pattern 'web::db'"));
        assertTrue(error("").startsWith("empty host pattern"));
        assertTrue(error("~web(").startsWith("bad regular expression '~web('"));
        assertTrue(error("web[01-").contains("unbalanced bracket"), error("web[01-"));
    }

    @Test
    void aNodeSetNamingAMissingHostIsAnError() {
        assertTrue(error("web[01-05]").startsWith("no group or host named 'web05'"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}

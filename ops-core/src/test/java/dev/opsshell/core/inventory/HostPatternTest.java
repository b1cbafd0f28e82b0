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
    void adHocTargetsAreReadAsSshAndParallelSshWriteThem() {
        assertTarget("root@10.1.2.3:2222", "root", "10.1.2.3", 2222);
        assertTarget("10.1.2.3:2222", null, "10.1.2.3", 2222);
        assertTarget("db.internal:2200", null, "db.internal", 2200);
        assertTarget("deploy@myserver", "deploy", "myserver", 0);
        assertTarget("myserver:22", null, "myserver", 22);
        assertTarget("[::1]", null, "::1", 0);
        assertTarget("[::1]:2222", null, "::1", 2222);
        assertTarget("root@[fe80::1%eth0]:22", "root", "fe80::1%eth0", 22);
        assertTarget("root@::1", "root", "::1", 0);
    }

    private static void assertTarget(String pattern, String user, String address, int port) {
        Host h = INV.select(pattern).list().get(0);
        assertEquals(List.of(pattern), INV.select(pattern).names(), "the host is named as written");
        assertEquals(user, h.user(), pattern);
        assertEquals(address, h.address(), pattern);
        assertEquals(port, h.port(), pattern);
        assertTrue(!h.isLocal(), pattern);
    }

    @Test
    void targetsWithPortsMixWithGroupsAndNodeSets() {
        assertEquals(concat(WEB, List.of("10.9.9.9:2222")), select("web:10.9.9.9:2222"));
        assertEquals(List.of("127.0.1.1:2222", "127.0.1.2:2222", "127.0.1.3:2222"), select("127.0.1.[1-3]:2222"));
        assertEquals(List.of("a.example:22", "[::1]:23"), select("a.example:22,[::1]:23"));
    }

    @Test
    void anInventoryHostGivenAUserOrPortKeepsItsOtherSettings() {
        Host plain = INV.host("web04").orElseThrow();
        Host h = INV.select("root@web04:2200").list().get(0);
        assertEquals("root@web04:2200", h.name());
        assertEquals(plain.address(), h.address());
        assertEquals(2200, h.port());
        assertEquals("root", h.user());
        assertEquals(plain.vars(), h.vars());
        assertEquals(plain.groups(), h.groups());
    }

    @Test
    void malformedTargetsSayWhatIsExpected() {
        for (String bad : List.of("root@", "@10.1.2.3", "a@b@10.1.2.3", "10.1.2.3:99999", "10.1.2.3:0", "[::1",
                "[::1]x", "[zz::1]:22")) {
            String m = error(bad);
            assertTrue(m.startsWith("bad host '"), bad + " -> " + m);
            assertTrue(m.contains("user@host, host:port, user@host:port, [v6addr]:port or [::1]"), bad + " -> " + m);
        }
        assertTrue(error("10.1.2.3:22:23").contains("bad host '10.1.2.3:23'") || error("10.1.2.3:22:23").contains("'23'"),
                error("10.1.2.3:22:23"));
        assertTrue(error("root@[::1]:ssh").startsWith("no group or host named 'ssh'"), "':' before a word is a union");
        assertTrue(error("root@web").contains("gives group 'web' a user or port"), error("root@web"));
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

    // The expected hosts of the subscript tests are what ansible-core 2.14.18 lists for the same
    // pattern and file: ansible -i src/test/resources/inventory/full.ini --list-hosts 'web[0:2]'

    @Test
    void aSubscriptPicksFromAGroupAsAnsibleDoes() {
        assertEquals(List.of("web01"), select("web[0]"));
        assertEquals(List.of("web04"), select("web[-1]"));
        assertEquals(List.of("web03"), select("web[-2]"));
        assertEquals(List.of("web01", "web02", "web03"), select("web[0:2]"), "both ends included");
        assertEquals(List.of("web02", "web03", "web04"), select("web[1:]"));
        assertEquals(List.of("web01", "web02"), select("prod[0:1]"));
        assertEquals(List.of("db-z.example.com"), select("prod[-1]"));
        assertEquals(List.of("jump.example.com"), select("all[0]"));
    }

    @Test
    void aSubscriptKeepsAnsiblesQuirks() {
        assertEquals(List.of("web03"), select("web[2:0]"), "an end of 0 means the start alone");
        assertEquals(List.of("web04"), select("web[3:9]"), "a range past the end is cut short");
        assertEquals(List.of("web02", "web03", "web04"), select("web[01:03]"), "after a group, [01:03] is a subscript");
    }

    @Test
    void aSubscriptAfterAGlobCountsEveryMatchAsAnsibleDoes() {
        assertEquals(List.of("web02"), select("web*[5]"), "group web's hosts, then the hosts named web*");
        assertEquals(List.of("web02"), select("web0?[1]"));
        assertEquals(List.of("db-a.example.com", "db-b.example.com"), select("db-*[0:1]"));
        assertEquals(List.of("jump.example.com"), select("*[0]"));
    }

    @Test
    void subscriptsCombineWithOtherTerms() {
        assertEquals(List.of("web02", "web03", "web04"), select("web:!web[0]"));
        assertEquals(List.of("web01", "db-a.example.com"), select("web[0],db[0]"));
        assertEquals(List.of("web01"), select("web01[0]"), "a host name takes a subscript too");
    }

    @Test
    void aSubscriptIndexesAGroupsOwnHostsThenItsChildrenBreadthFirst() {
        Inventory nested = Fixtures.load("nested.ini");
        assertEquals(List.of("t1"), nested.select("top[0]").names());
        assertEquals(List.of("o1"), nested.select("top[3]").names(), "child other before grandchild leaf");
        assertEquals(List.of("l2"), nested.select("top[5]").names());
        assertEquals(List.of("l2"), nested.select("mid[-1]").names());
        assertEquals(List.of("o1"), nested.select("all[3]").names());
    }

    @Test
    void aSubscriptPastTheEndIsAnErrorSayingHowManyHostsThereAre() {
        String m = error("web[7]");
        assertTrue(m.startsWith("no host at 'web[7]'"), m);
        assertTrue(m.contains("'web' names 4 hosts, indexes 0 to 3"), m);
        assertTrue(error("web[9:]").contains("selects no hosts"), error("web[9:]"));
        assertTrue(error("empty[0]").startsWith("group 'empty' in "), error("empty[0]"));
    }

    @Test
    void bracketsAfterANameThatIsNoGroupOrHostAreANodeSet() {
        Inventory nodes = Fixtures.parse("nodes.ini", "[cluster]\nnode1\nnode2\nnode3\n");
        assertEquals(List.of("node1", "node2", "node3"), nodes.select("node[1:3]").names());
        assertEquals(List.of("node2"), nodes.select("node[2]").names());
        assertEquals(List.of("node3"), nodes.select("cluster[-1]").names());
        assertEquals(List.of("web01", "web02", "web03"), select("web[01-03]"), "a dash range is a node set");
        assertEquals(List.of("10.0.0.1", "10.0.0.2"), select("10.0.0.[1:2]"), "ad-hoc addresses");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}

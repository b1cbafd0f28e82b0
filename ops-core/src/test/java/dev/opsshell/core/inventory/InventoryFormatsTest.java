package dev.opsshell.core.inventory;

import dev.opsshell.core.host.Host;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The INI and YAML fixtures describe the same inventory; every feature reads the same from both. */
class InventoryFormatsTest {

    private static Host host(String file, String name) {
        return Fixtures.load(file).host(name).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"full.ini", "full.yml"})
    void hostsComeInFileOrderWithRangesExpanded(String file) {
        List<String> names = Fixtures.load(file).hosts().stream().map(Host::name).toList();
        assertEquals(List.of("jump.example.com", "web01", "web02", "web03", "web04",
                "db-a.example.com", "db-b.example.com", "db-c.example.com", "db-z.example.com",
                "lb01", "shared"), names);
    }

    @ParameterizedTest
    @ValueSource(strings = {"full.ini", "full.yml"})
    void connectionVariablesBecomeAddressPortAndUser(String file) {
        Host web04 = host(file, "web04");
        assertEquals("10.0.0.4", web04.address());
        assertEquals(2222, web04.port());
        assertEquals("admin", web04.user());
        Host web01 = host(file, "web01");
        assertEquals("web01", web01.address());
        assertEquals(0, web01.port());
        assertEquals("deploy", web01.user());
        assertEquals(5432, host(file, "db-z.example.com").port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"full.ini", "full.yml"})
    void everyVariableIsKeptForTransports(String file) {
        Host web02 = host(file, "web02");
        assertEquals("~/.ssh/ops", web02.vars().get("ansible_ssh_private_key_file"));
        assertEquals("true", web02.vars().get("ansible_become"));
        assertEquals("root", web02.vars().get("ansible_become_user"));
        assertEquals("hello world", web02.vars().get("motd"));
        assertEquals("ntp.example.com", web02.vars().get("ntp"));
        assertEquals("s3cret pass", host(file, "lb01").vars().get("ansible_become_password"));
        assertEquals("2222", host(file, "web04").vars().get("ansible_port"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"full.ini", "full.yml"})
    void hostVarsBeatChildGroupVarsWhichBeatParentGroupVarsWhichBeatAll(String file) {
        Host web01 = host(file, "web01");
        assertEquals("deploy", web01.user(), "host var over group var");
        assertEquals("child", web01.vars().get("tier"), "child group (web) over parent (prod)");
        assertEquals("production", web01.vars().get("env"), "parent group over all");
        Host db = host(file, "db-a.example.com");
        assertEquals("produser", db.user());
        assertEquals("parent", db.vars().get("tier"));
        Host jump = host(file, "jump.example.com");
        assertEquals("default", jump.vars().get("env"));
        assertEquals("ops", jump.user());
    }

    @ParameterizedTest
    @ValueSource(strings = {"full.ini", "full.yml"})
    void groupsOfEqualDepthApplyInNameOrder(String file) {
        assertEquals("blue", host(file, "shared").vars().get("color"), "z_team sorts after a_team, so it wins");
    }

    @ParameterizedTest
    @ValueSource(strings = {"full.ini", "full.yml"})
    void hostGroupsIncludeEveryGroupReachedThroughChildren(String file) {
        assertEquals(Set.of("all", "web", "prod"), Set.copyOf(host(file, "web03").groups()));
        assertEquals(Set.of("all", "ungrouped"), Set.copyOf(host(file, "jump.example.com").groups()));
        assertEquals(Set.of("all", "lb"), Set.copyOf(host(file, "lb01").groups()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"full.ini", "full.yml"})
    void implicitGroupsAllAndUngroupedExist(String file) {
        Inventory inv = Fixtures.load(file);
        assertEquals(11, inv.groups().get("all").size());
        assertEquals(List.of("jump.example.com"), inv.groups().get("ungrouped"));
        assertEquals(List.of("web01", "web02", "web03", "web04", "db-a.example.com", "db-b.example.com",
                "db-c.example.com", "db-z.example.com"), inv.groups().get("prod"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"full.ini", "full.yml"})
    void childrenNamingUndefinedGroupsCreateThemEmpty(String file) {
        Inventory inv = Fixtures.load(file);
        assertTrue(inv.groupNames().containsAll(List.of("empty", "nothing")));
        assertEquals(List.of(), inv.groups().get("nothing"));
        assertEquals(List.of(), inv.groups().get("empty"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"full.ini", "full.yml"})
    void hostsWithoutConnectionVariablesAreNotLocal(String file) {
        assertFalse(host(file, "web01").isLocal());
    }

    @org.junit.jupiter.api.Test
    void ansibleGroupPriorityOrdersGroupsOfEqualDepthBeforeTheirNames() {
        Inventory inv = Fixtures.parse("prio.ini", "[a_team]\nshared\n[z_team]\nshared\n"
                + "[a_team:vars]\ncolor=red\nansible_group_priority=10\n[z_team:vars]\ncolor=blue\n");
        assertEquals("red", inv.host("shared").orElseThrow().vars().get("color"));
        InventoryException e = org.junit.jupiter.api.Assertions.assertThrows(InventoryException.class,
                () -> Fixtures.parse("prio.ini", "[a:vars]\nansible_group_priority=high\n"));
        assertEquals("prio.ini:2: expected a whole number for ansible_group_priority, got 'high'", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void yamlScalarsOfAnyTypeBecomeStringsAndListsBecomeJson() {
        Host web01 = host("full.yml", "web01");
        assertEquals("3", web01.vars().get("retries"));
        assertEquals("0.5", web01.vars().get("ratio"));
        assertEquals("[\"a\",\"b\"]", web01.vars().get("tags"));
    }

    @org.junit.jupiter.api.Test
    void iniBackslashEscapesASpaceAndSingleQuotesGroupWords() {
        Host lb01 = host("full.ini", "lb01");
        assertEquals("a b", lb01.vars().get("path"));
        assertEquals("single quoted", lb01.vars().get("note"));
    }
}

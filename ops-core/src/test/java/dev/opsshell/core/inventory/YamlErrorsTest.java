package dev.opsshell.core.inventory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed YAML inventories fail with file:line (from Jackson's location) and what was expected. */
class YamlErrorsTest {

    private static String error(String text) {
        return assertThrows(InventoryException.class, () -> Fixtures.parse("hosts.yml", text)).getMessage();
    }

    private static void assertStarts(String expectedStart, String message) {
        assertTrue(message.startsWith(expectedStart), () -> "expected '" + expectedStart + "…', got: " + message);
    }

    @Test
    void aSyntaxErrorCarriesJacksonsLine() {
        assertStarts("hosts.yml:4: invalid YAML", error("all:\n  hosts:\n    web01:\n   bad: [\n"));
    }

    @Test
    void anUnknownKeyInAGroupNamesTheValidOnes() {
        assertEquals("hosts.yml:4: unexpected key 'host' in group 'web': expected hosts:, vars: or children:",
                error("all:\n  children:\n    web:\n      host:\n        web01:\n"));
    }

    @Test
    void aGroupThatIsAListIsRejected() {
        assertEquals("hosts.yml:3: expected hosts:, vars: or children: in group 'web', got a list",
                error("all:\n  children:\n    web: [web01, web02]\n"));
    }

    @Test
    void hostsWrittenAsAListAreRejected() {
        assertEquals("hosts.yml:3: expected a mapping in hosts of group 'all', got a list",
                error("all:\n  hosts:\n    - web01\n"));
    }

    @Test
    void aTopLevelListIsRejected() {
        assertStarts("hosts.yml:1: expected group names such as all: in the top level, got a list", error("- web01\n"));
    }

    @Test
    void aCycleInChildrenIsReportedWithItsLine() {
        assertEquals("hosts.yml:7: group 'a' cannot be a child of 'b': 'b' is already inside 'a', which would make a cycle",
                error("all:\n  children:\n    a:\n      children:\n        b:\n          children:\n            a:\n"));
    }

    @Test
    void aBadPortIsReportedAtItsOwnLine() {
        assertEquals("hosts.yml:5: expected a port number 1-65535 for ansible_port, got 'twenty-two'",
                error("all:\n  hosts:\n    web01:\n      ansible_host: 10.0.0.1\n      ansible_port: twenty-two\n"));
    }

    @Test
    void aBadRangeInAHostNameIsReportedAtItsLine() {
        assertStarts("hosts.yml:3: bad range [03:01] in host name 'web[03:01]'", error("all:\n  hosts:\n    web[03:01]:\n"));
    }

    @Test
    void hostVariablesThatAreNotAMappingAreRejected() {
        assertEquals("hosts.yml:3: expected its variables as key: value in host 'web01', got the value '10.0.0.1'",
                error("all:\n  hosts:\n    web01: 10.0.0.1\n"));
    }
}

package dev.opsshell.core.inventory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of malformed INI line fails with file:line and what was expected there. */
class IniErrorsTest {

    private static String error(String text) {
        return assertThrows(InventoryException.class, () -> Fixtures.parse("inventory.ini", text)).getMessage();
    }

    private static void assertStarts(String expectedStart, String message) {
        assertTrue(message.startsWith(expectedStart), () -> "expected '" + expectedStart + "…', got: " + message);
    }

    @Test
    void aHostVariableWithoutEqualsSaysKeyValueWasExpected() {
        assertEquals("inventory.ini:3: expected key=value after the host name, got 'ansible_port'",
                error("[web]\nweb01 ansible_host=10.0.0.1\nweb02 ansible_port\n"));
    }

    @Test
    void anUnclosedSectionHeaderIsAnUnbalancedBracket() {
        assertEquals("inventory.ini:2: unbalanced bracket: expected a section header such as [web],"
                + " [web:vars] or [web:children], got '[web'", error("# hosts\n[web\nweb01\n"));
    }

    @Test
    void anUnknownSectionKindNamesTheValidOnes() {
        assertEquals("inventory.ini:1: unknown section [web:hosts]: expected [web], [web:vars] or [web:children]",
                error("[web:hosts]\nweb01\n"));
    }

    @Test
    void aGroupNameWithASpaceIsRejected() {
        assertStarts("inventory.ini:1: expected a section header", error("[web servers]\n"));
    }

    @Test
    void aRangeWithLettersAndDigitsMixedIsABadRange() {
        assertEquals("inventory.ini:2: bad range [01:xx] in host name 'web[01:xx]': expected two numbers"
                + " or two single letters", error("[web]\nweb[01:xx]\n"));
    }

    @Test
    void aBackwardsRangeIsABadRange() {
        assertStarts("inventory.ini:1: bad range [9:1] in host name 'web[9:1]': it runs backwards", error("web[9:1]\n"));
    }

    @Test
    void aRangeWithoutAColonIsABadRange() {
        assertStarts("inventory.ini:1: bad range [1-3] in host name 'web[1-3]': expected [FROM:TO]", error("web[1-3]\n"));
    }

    @Test
    void anUnclosedRangeIsAnUnbalancedBracket() {
        assertStarts("inventory.ini:1: unbalanced bracket in host name 'web[01:03'", error("web[01:03 a=b\n"));
    }

    @Test
    void aVarsLineWithoutEqualsSaysWhichSection() {
        assertEquals("inventory.ini:3: expected key=value in [web:vars], got 'ansible_user deploy'",
                error("[web:vars]\nenv=prod\nansible_user deploy\n"));
    }

    @Test
    void aChildrenLineWithTwoNamesIsRejected() {
        assertEquals("inventory.ini:2: expected one group name per line in [prod:children], got 'web db'",
                error("[prod:children]\nweb db\n"));
    }

    @Test
    void aCycleInChildrenIsReportedAtTheLineThatClosesIt() {
        assertEquals("inventory.ini:6: group 'a' cannot be a child of 'c': 'c' is already inside 'a',"
                + " which would make a cycle", error("[a:children]\nb\n[b:children]\nc\n[c:children]\na\n"));
    }

    @Test
    void aGroupCannotBeItsOwnChild() {
        assertStarts("inventory.ini:2: group 'web' cannot be a child of 'web'", error("[web:children]\nweb\n"));
    }

    @Test
    void allCannotBeAChild() {
        assertStarts("inventory.ini:2: 'all' contains every group", error("[web:children]\nall\n"));
    }

    @Test
    void aPortThatIsNotANumberIsRejectedWhereItIsWritten() {
        assertEquals("inventory.ini:2: expected a port number 1-65535 for ansible_port, got 'ssh'",
                error("[web]\nweb01 ansible_port=ssh\n"));
        assertStarts("inventory.ini:3: expected a port number 1-65535 for ansible_port, got '70000'",
                error("[web]\nweb01\nweb02:70000\n"));
        assertStarts("inventory.ini:2: expected a port number", error("[web:vars]\nansible_port=x\n"));
    }

    @Test
    void aChildThatIsNeverDeclaredIsAnErrorAtTheLineNamingIt() {
        assertEquals("inventory.ini:5: [prod:children] names group 'webb', which is not declared;"
                + " add a [webb] section (it may be empty) or fix the name",
                error("[web]\nweb01\n[prod:children]\nweb\nwebb\n"));
    }

    @Test
    void aChildDeclaredLaterInTheFileIsFine() {
        assertEquals(java.util.List.of("db01"),
                Fixtures.parse("inventory.ini", "[prod:children]\ndb\n[db]\ndb01\n").select("prod").names());
    }

    @Test
    void varsForAGroupThatIsNeverDeclaredAreAnError() {
        assertEquals("inventory.ini:3: [wbe:vars] is for group 'wbe', which is not declared;"
                + " add a [wbe] section or fix the name", error("[web]\nweb01\n[wbe:vars]\nx=1\n"));
        assertEquals("1", Fixtures.parse("inventory.ini", "[web:vars]\nx=1\n[web]\nweb01\n")
                .host("web01").orElseThrow().vars().get("x"), "declared after its vars is fine");
    }

    @Test
    void anUnterminatedQuoteIsRejected() {
        assertEquals("inventory.ini:1: unterminated double quote: expected a closing \"",
                error("web01 motd=\"hello\n"));
    }

    @Test
    void variablesBeforeAnyHostNameAreRejected() {
        assertStarts("inventory.ini:2: expected a host name before the variables, got 'ansible_user=x'",
                error("[web]\nansible_user=x\n"));
    }
}

package dev.opsshell.core.inventory;

import dev.opsshell.core.host.Host;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** YAML anchors, aliases and merge keys, which YAML inventories use to share host settings. */
class YamlAnchorsTest {
    private static final String TEXT = """
            all:
              vars:
                defaults: &defaults
                  ansible_user: deploy
                  ansible_port: 2222
              children:
                web:
                  hosts:
                    web01: *defaults
                    web02:
                      <<: *defaults
                      ansible_port: 2200
                    web03:
                      ansible_port: 2201
                      <<: [*defaults]
                db: &dbgroup
                  hosts:
                    db01:
                replica:
                  children:
                    db: *dbgroup
            """;

    private static Host host(String name) {
        return Fixtures.parse("hosts.yml", TEXT).host(name).orElseThrow();
    }

    @Test
    void anAliasStandsForTheAnchoredMapping() {
        assertEquals("deploy", host("web01").user());
        assertEquals(2222, host("web01").port());
    }

    @Test
    void keysWrittenBesideAMergeWinWhereverTheyAre() {
        assertEquals(2200, host("web02").port());
        assertEquals("deploy", host("web02").user());
        assertEquals(2201, host("web03").port());
    }

    @Test
    void aGroupCanBeAnAlias() {
        assertEquals(List.of("db01"), Fixtures.parse("hosts.yml", TEXT).select("replica").names());
    }

    @Test
    void anUndefinedAliasIsAnErrorWithItsLine() {
        String m = assertThrows(InventoryException.class,
                () -> Fixtures.parse("hosts.yml", "all:\n  hosts:\n    web01: *nothing\n")).getMessage();
        assertTrue(m.startsWith("hosts.yml:3: "), m);
        assertTrue(m.contains("nothing"), m);
    }

    @Test
    void mergingSomethingThatIsNotAMappingIsAnError() {
        String m = assertThrows(InventoryException.class, () -> Fixtures.parse("hosts.yml",
                "x: &s [a, b]\nall:\n  hosts:\n    web01:\n      <<: *s\n")).getMessage();
        assertEquals("hosts.yml:1: expected a mapping to merge with <<, got the value 'a'", m);
    }

    @Test
    void anAliasOfASingleValueSaysItIsNotSupported() {
        String m = assertThrows(InventoryException.class, () -> Fixtures.parse("hosts.yml",
                "all:\n  vars:\n    user: &u deploy\n    other: *u\n")).getMessage();
        assertEquals("hosts.yml:4: unknown alias *u: define the anchor &u on a mapping or list before using it"
                + " (anchors on single values are not supported)", m);
    }
}

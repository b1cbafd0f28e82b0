package dev.opsshell.core.inventory;

import dev.opsshell.core.host.Host;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The examples in docs/inventory.md parse and mean what the page says. */
class DocsExamplesTest {
    private static final Path DOC = Path.of("..", "docs", "inventory.md");

    private static String block(String language) throws IOException {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        assertTrue(m.find(), "docs/inventory.md has a ```" + language + " block");
        return m.group(1);
    }

    @Test
    void theIniExampleParsesAsDescribed() throws IOException {
        Inventory inv = Fixtures.parse("inventory.ini", block("ini"));
        assertEquals(List.of("jump.example.com"), inv.select("ungrouped").names());
        assertEquals(List.of("web01", "web02", "web03", "web04", "db-z.example.com"), inv.select("web").names());
        assertEquals(List.of("db-a.example.com", "db-b.example.com", "db-c.example.com",
                "node0", "node2", "node4", "node6", "node8", "node10"), inv.select("db").names());
        Host web04 = inv.host("web04").orElseThrow();
        assertEquals("10.0.0.4", web04.address());
        assertEquals(2222, web04.port());
        assertEquals("hello world", web04.vars().get("motd"));
        assertEquals(5432, inv.host("db-z.example.com").orElseThrow().port());
        assertEquals("ntp.example.com", web04.vars().get("ntp"));
        assertEquals("production", inv.host("node4").orElseThrow().vars().get("env"));
    }

    @Test
    void theYamlExampleParsesAsDescribed() throws IOException {
        Inventory inv = Fixtures.parse("inventory.yml", block("yaml"));
        assertEquals(List.of("web01", "web02", "web03", "web04", "db-a.example.com", "db-b.example.com",
                "db-c.example.com"), inv.select("prod").names());
        Host web04 = inv.host("web04").orElseThrow();
        assertEquals(2222, web04.port());
        assertEquals("true", web04.vars().get("ansible_become"));
        assertEquals("[80,443]", web04.vars().get("ports"));
        assertEquals("production", web04.vars().get("env"));
        assertEquals("default", inv.host("jump.example.com").orElseThrow().vars().get("env"));
    }

    @Test
    void thePatternTableSelectsWhatItSays() throws IOException {
        Inventory inv = Fixtures.parse("inventory.ini", block("ini"));
        assertEquals(inv.select("all").names(), inv.select("*").names());
        assertEquals(inv.select("prod").names(), inv.select("web:db").names());
        assertEquals(inv.select("web:db").names(), inv.select("web,db").names());
        assertEquals(inv.select("web").names(), inv.select("prod:&web").names());
        assertEquals(inv.select("db").names(), inv.select("prod:!web").names());
        assertEquals(List.of("web01", "web03"), inv.select("~web0[13]").names());
        assertEquals(List.of("web01", "web02", "web03"), inv.select("web[01-03]").names());
        assertEquals("root", inv.select("root@10.1.2.3").list().get(0).user());
        assertEquals(2222, inv.select("root@10.1.2.3:2222").list().get(0).port());
        assertEquals("::1", inv.select("[::1]:2222").list().get(0).address());
        assertEquals("fe80::1", inv.select("[fe80::1]").list().get(0).address());
        Host web01 = inv.select("root@web01").list().get(0);
        assertEquals("root", web01.user());
        assertEquals(inv.host("web01").orElseThrow().vars(), web01.vars());
        assertEquals(2222, inv.select("web01:2222").list().get(0).port());
    }
}

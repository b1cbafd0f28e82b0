package dev.opsshell.core.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the inventory is found and how its format is chosen. */
class InventoryLoaderTest {
    @TempDir
    Path home;

    private Path write(String relative, String text) throws IOException {
        Path p = home.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void theFlagWinsOverTheEnvironmentAndTheDefault() throws IOException {
        Path flag = write("flag.ini", "[flag]\nf1\n");
        Path env = write("env.ini", "[env]\ne1\n");
        write(".ops/inventory", "[home]\nh1\n");
        Inventory inv = InventoryLoader.resolve(flag.toString(), Map.of(InventoryLoader.ENV, env.toString()), home);
        assertEquals(List.of("f1"), inv.select("flag").names());
        assertEquals(flag.toString(), inv.source());
    }

    @Test
    void theEnvironmentWinsOverTheDefault() throws IOException {
        Path env = write("env.ini", "[env]\ne1\n");
        write(".ops/inventory", "[home]\nh1\n");
        Inventory inv = InventoryLoader.resolve(null, Map.of(InventoryLoader.ENV, env.toString()), home);
        assertEquals(List.of("e1"), inv.select("env").names());
    }

    @Test
    void theDefaultIsFoundUnderDotOpsByAnyOfItsNames() throws IOException {
        write(".ops/inventory.yml", "all:\n  hosts:\n    y1:\n");
        assertEquals(List.of("y1"), InventoryLoader.resolve(null, Map.of(), home).select("all").names());
        write(".ops/inventory.ini", "i1\n");
        assertEquals(List.of("i1"), InventoryLoader.resolve("", Map.of(InventoryLoader.ENV, " "), home)
                .select("all").names(), "inventory.ini comes before inventory.yml");
    }

    @Test
    void withNoInventoryOnlyLocalhostExists() {
        Inventory inv = InventoryLoader.resolve(null, Map.of(), home);
        assertEquals(List.of("localhost"), inv.select("all").names());
        assertTrue(inv.select("localhost").list().get(0).isLocal());
    }

    @Test
    void aMissingFileNamedByTheFlagOrEnvironmentIsAClearError() {
        String flag = assertThrows(InventoryException.class,
                () -> InventoryLoader.resolve("/no/such/hosts.ini", Map.of(), home)).getMessage();
        assertEquals("inventory file /no/such/hosts.ini (from --inventory) does not exist; check the path,"
                + " or leave --inventory unset to use ~/.ops/inventory", flag);
        String env = assertThrows(InventoryException.class,
                () -> InventoryLoader.resolve(null, Map.of(InventoryLoader.ENV, "/no/such"), home)).getMessage();
        assertTrue(env.contains("(from OPS_INVENTORY) does not exist"), env);
    }

    @Test
    void aTildeInTheFlagMeansHome() throws IOException {
        write("inv/hosts", "h1\n");
        assertEquals(List.of("h1"), InventoryLoader.resolve("~/inv/hosts", Map.of(), home).select("all").names());
    }

    @Test
    void yamlIsChosenByExtensionOrByContent() throws IOException {
        assertTrue(InventoryLoader.isYaml(Path.of("hosts.yaml"), "web01\n"));
        assertTrue(InventoryLoader.isYaml(Path.of("hosts"), "# comment\n\nall:\n  hosts:\n"));
        assertTrue(InventoryLoader.isYaml(Path.of("hosts"), "---\nall:\n"));
        assertFalse(InventoryLoader.isYaml(Path.of("hosts"), "[web]\nweb01\n"));
        assertFalse(InventoryLoader.isYaml(Path.of("hosts"), "web01:2222 ansible_user=x\n"));
        Path noExtension = write("hosts", "---\nall:\n  children:\n    web:\n      hosts:\n        w1:\n");
        assertEquals(List.of("w1"), InventoryLoader.load(noExtension).select("web").names());
    }

    @Test
    void aLoadedInventoryWithoutLocalhostStillResolvesIt() throws IOException {
        Inventory inv = InventoryLoader.load(write("hosts.ini", "[web]\nweb01\n"));
        assertTrue(inv.select("localhost").list().get(0).isLocal());
        assertFalse(inv.select("all").names().contains("localhost"), "like Ansible, implicit localhost is not in all");
    }

    @Test
    void aDirectoryIsReadAsOneInventoryFromAllItsFilesInNameOrder() throws IOException {
        write("inv/10-web.ini", "[web]\nweb01\nweb02\n");
        write("inv/20-prod.yml", "prod:\n  children:\n    web:\n  vars:\n    env: production\n");
        write("inv/README.md", "not an inventory [\n");
        write("inv/.hidden", "[broken\n");
        write("inv/group_vars/web.yml", "role: frontend\n");
        Inventory inv = InventoryLoader.load(home.resolve("inv"));
        assertEquals(List.of("web01", "web02"), inv.select("prod").names());
        assertEquals("production", inv.host("web01").orElseThrow().vars().get("env"));
        assertEquals("frontend", inv.host("web02").orElseThrow().vars().get("role"));
    }

    @Test
    void anErrorInADirectoryNamesTheFileItIsIn() throws IOException {
        write("inv/a.ini", "web01\n");
        Path bad = write("inv/b.ini", "[web\n");
        String m = assertThrows(InventoryException.class, () -> InventoryLoader.load(home.resolve("inv"))).getMessage();
        assertTrue(m.startsWith(bad + ":1: unbalanced bracket"), m);
    }

    @Test
    void anEmptyDirectoryIsAnError() throws IOException {
        Files.createDirectories(home.resolve("inv"));
        String m = assertThrows(InventoryException.class, () -> InventoryLoader.load(home.resolve("inv"))).getMessage();
        assertTrue(m.contains("holds no inventory file"), m);
    }

    @Test
    void anEmptyFileIsAnEmptyInventoryThatSelectsNothing() throws IOException {
        Inventory inv = InventoryLoader.load(write("empty.yml", ""));
        assertEquals(List.of(), inv.hosts());
        assertTrue(assertThrows(InventoryException.class, () -> inv.select("all")).getMessage()
                .contains("selects no hosts"));
    }
}

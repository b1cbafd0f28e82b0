package dev.opsshell.core.inventory;

import dev.opsshell.core.Session;
import dev.opsshell.core.transport.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An inventory edited while the shell runs is read again, and the shell says so once. */
class InventoryReloadTest {
    @TempDir
    Path dir;

    private Session session(Path file) {
        return new Session(Settings.defaults(), Inventory.localOnly(), System.out)
                .inventoryFrom(new InventoryWatch(() -> Optional.of(file)));
    }

    @Test
    void anEditIsReadAgainAndSaidOnce() throws Exception {
        Path file = dir.resolve("hosts.ini");
        Files.writeString(file, "[web]\nweb1 ansible_connection=local\n");
        Session s = session(file);
        assertEquals(Optional.empty(), s.reloadInventoryIfChanged(), "nothing changed yet");
        Files.writeString(file, "[web]\nweb1 ansible_connection=local\nweb2 ansible_connection=local\n");
        assertEquals(Optional.of("inventory reloaded: 2 hosts (" + file + ")"), s.reloadInventoryIfChanged());
        assertEquals(List.of("web1", "web2"), s.inventory().select("web").names());
        assertEquals(Optional.empty(), s.reloadInventoryIfChanged(), "said once");
    }

    @Test
    void aMalformedEditKeepsThePreviousInventoryAndSaysFileAndLineOnce() throws Exception {
        Path file = dir.resolve("hosts.ini");
        Files.writeString(file, "[web]\nweb1 ansible_connection=local\n");
        Session s = session(file);
        Files.writeString(file, "[web\nweb1 ansible_connection=local\n");
        String notice = s.reloadInventoryIfChanged().orElseThrow();
        assertTrue(notice.startsWith("inventory not reloaded: " + file + ":1: unbalanced bracket"), notice);
        assertTrue(notice.endsWith("; still using the previous one (1 host)"), notice);
        assertEquals(List.of("web1"), s.inventory().select("web").names());
        assertEquals(Optional.empty(), s.reloadInventoryIfChanged(), "said once");
        InventoryException e = assertThrows(InventoryException.class, s::reloadInventory);
        assertTrue(e.getMessage().startsWith(file + ":1:"), e.getMessage());
        Files.writeString(file, "[web]\nweb3 ansible_connection=local\n");
        assertEquals(Optional.of("inventory reloaded: 1 host (" + file + ")"), s.reloadInventoryIfChanged());
        assertEquals(List.of("web3"), s.inventory().select("web").names());
    }

    @Test
    void aChangedGroupVarsFileIsAChangeToo() throws Exception {
        Path file = dir.resolve("hosts.ini");
        Files.writeString(file, "[web]\nweb1\n");
        Files.createDirectories(dir.resolve("group_vars"));
        Session s = session(file);
        Files.writeString(dir.resolve("group_vars/web.yml"), "ansible_port: 2222\n");
        assertTrue(s.reloadInventoryIfChanged().isPresent());
        assertEquals(2222, s.inventory().host("web1").orElseThrow().port());
    }

    @Test
    void aSessionWithoutAnInventoryFileSaysHowToHaveOne() {
        Session s = new Session(Settings.defaults(), Inventory.localOnly(), System.out);
        assertEquals(Optional.empty(), s.reloadInventoryIfChanged());
        assertTrue(assertThrows(RuntimeException.class, s::reloadInventory).getMessage().contains("--inventory FILE"));
    }
}

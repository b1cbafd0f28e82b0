package dev.opsshell.core.inventory;

import dev.opsshell.core.host.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** group_vars/ and host_vars/ beside the inventory file are read as Ansible reads them. */
class VarsDirectoriesTest {
    private final Inventory inv = Fixtures.load("withvars/hosts.ini");

    private Host host(String name) {
        return inv.host(name).orElseThrow();
    }

    @Test
    void groupVarsFilesOverrideEveryInventoryGroupVar() {
        assertEquals("file-all", host("web02").vars().get("color"), "as in Ansible, group_vars/all beats [web:vars]");
        assertEquals("eu", host("web02").vars().get("region"));
    }

    @Test
    void filesInAGroupDirectoryApplyInNameOrderAndChildGroupsWin() {
        assertEquals("file-web-z", host("web02").vars().get("size"));
    }

    @Test
    void hostVarsFilesOverrideInventoryHostVars() {
        assertEquals("file-host", host("web01").vars().get("tier"));
        assertEquals(2200, host("web01").port());
        assertEquals(0, host("web02").port());
    }

    @Test
    void structuredValuesAreKeptAsJsonWithTheirTypes() {
        assertEquals("[80,443]", host("web01").vars().get("ports"));
        assertEquals("{\"nofile\":65536,\"strict\":true,\"name\":\"web\"}", host("web01").vars().get("limits"));
    }

    @Test
    void aVaultEncryptedFileIsSkippedWithAWarning() {
        assertEquals(1, inv.warnings().size());
        assertTrue(inv.warnings().get(0).contains("secret.yml is encrypted with ansible-vault"), inv.warnings().get(0));
    }

    @Test
    void parsingTextAloneReadsNoVarsDirectories() throws IOException {
        Path file = Fixtures.path("withvars/hosts.ini");
        Inventory bare = InventoryLoader.parse(file, Files.readString(file));
        assertEquals("inline-web", bare.host("web02").orElseThrow().vars().get("color"));
    }

    @Test
    void anErrorInAVarsFileNamesThatFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("hosts"), "[web]\nweb01\n");
        Files.createDirectories(dir.resolve("group_vars"));
        Path vars = Files.writeString(dir.resolve("group_vars/web.yml"), "env: prod\nansible_port: http\n");
        String m = assertThrows(InventoryException.class, () -> InventoryLoader.load(dir.resolve("hosts"))).getMessage();
        assertEquals(vars.toAbsolutePath() + ":2: expected a port number 1-65535 for ansible_port, got 'http'", m);
    }

    @Test
    void aVarsFileThatIsNotAMappingIsAnError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("hosts"), "web01\n");
        Files.createDirectories(dir.resolve("host_vars"));
        Files.writeString(dir.resolve("host_vars/web01"), "- a\n- b\n");
        String m = assertThrows(InventoryException.class, () -> InventoryLoader.load(dir.resolve("hosts"))).getMessage();
        assertTrue(m.endsWith("host_vars/web01:1: expected variables as key: value, got a list"), m);
    }

    @Test
    void varsFilesForGroupsTheInventoryDoesNotHaveAreIgnored(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("hosts"), "web01\n");
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/db.yml"), "x: 1\n");
        assertEquals(List.of(), List.copyOf(InventoryLoader.load(dir.resolve("hosts")).host("web01").orElseThrow()
                .vars().keySet()));
    }
}

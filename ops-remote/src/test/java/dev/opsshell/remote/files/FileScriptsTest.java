package dev.opsshell.remote.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file scripts run by a real /bin/sh on this machine: what they change, and what they leave. */
class FileScriptsTest {
    @TempDir
    Path dir;

    static String sh(String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out + "exit " + p.exitValue();
    }

    @Test
    void aLineGoesOnItsOwnLineEvenWhenTheFileLacksAFinalNewlineAndOnlyOnce() throws Exception {
        Path f = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost");
        assertEquals("changed: " + f + " got the line\nexit 0", sh(FileScripts.lineInFile(f.toString(), "10.0.0.9 db")));
        assertEquals("127.0.0.1 localhost\n10.0.0.9 db\n", Files.readString(f));
        assertEquals("unchanged: " + f + " has the line\nexit 0", sh(FileScripts.lineInFile(f.toString(), "10.0.0.9 db")));
        assertEquals("changed: " + f + " got the line\nexit 0", sh(FileScripts.lineInFile(f.toString(), "10.0.0.9")),
                "a line is matched whole, not as a part of another");
    }

    @Test
    void writeKeepsAnExistingFilesModeAndLeavesNoTemporaryFileBehind() throws Exception {
        Path f = Files.writeString(dir.resolve("app.conf"), "old\n");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertEquals("changed: " + f + "\nexit 0", sh(FileScripts.write(f.toString(), "new 'quoted' $HOME\n")));
        assertEquals("new 'quoted' $HOME\n", Files.readString(f));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals("unchanged: " + f + "\nexit 0", sh(FileScripts.write(f.toString(), "new 'quoted' $HOME\n")));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the file itself");
        }
    }

    @Test
    void pathsWithSpacesAndQuotesAreOnePath() throws Exception {
        Path d = dir.resolve("it's a dir");
        assertEquals("changed: " + d + "\nexit 0", sh(FileScripts.mkdir(d.toString())));
        assertEquals("unchanged: " + d + "\nexit 0", sh(FileScripts.mkdir(d.toString())));
        assertEquals("changed: removed " + d + "\nexit 0", sh(FileScripts.rm(d.toString())));
    }

    @Test
    void badModesOwnersRootAndOversizedContentAreRefusedBeforeAnythingRuns() {
        assertThrows(IllegalArgumentException.class, () -> FileScripts.chmod("rwx", "/x"));
        assertThrows(IllegalArgumentException.class, () -> FileScripts.chown("root;reboot", "/x"));
        assertThrows(IllegalArgumentException.class, () -> FileScripts.rm("/"));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> FileScripts.write("/x", "a".repeat(FileScripts.MAX_INLINE + 1)));
        assertTrue(big.getMessage().endsWith("write it to a local file and putFile(local, \"/x\")"), big.getMessage());
    }
}

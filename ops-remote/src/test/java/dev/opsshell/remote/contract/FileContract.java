package dev.opsshell.remote.contract;

import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Copies both ways: content, mode and owner, directories, errors. */
public interface FileContract extends ContractTarget {
    @Test
    default void anUploadCopiesContentAndMode() throws Exception {
        Path local = newFile("up.bin", content(1_500_000));
        Files.setPosixFilePermissions(local, PosixFilePermissions.fromString("rwxr-x---"));
        Path remote = newDirectory("remote").resolve("uploaded");
        Result r = transport().upload(host(), local, remote.toString());
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(remote));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(remote)));
    }

    @Test
    default void aDownloadCopiesContentAndMode() throws Exception {
        Path remote = newFile("down.bin", content(1_200_000));
        Files.setPosixFilePermissions(remote, PosixFilePermissions.fromString("rwx------"));
        Path local = newDirectory("local").resolve("downloaded");
        Result r = transport().download(host(), remote.toString(), local);
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertArrayEquals(Files.readAllBytes(remote), Files.readAllBytes(local));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(local)));
    }

    @Test
    default void anUploadOverAnExistingFileKeepsItsModeAndOwner() throws Exception {
        Path local = newFile("up.conf", "new content".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(local, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path remote = existingFileOfNobody();
        Result r = transport().upload(host(), local, remote.toString());
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("new content", Files.readString(remote));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(remote)));
        assertEquals("nobody", Files.getOwner(remote).getName());
    }

    @Test
    default void aDownloadOverAnExistingFileKeepsItsModeAndOwner() throws Exception {
        Path remote = newFile("down.conf", "new content".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(remote, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path local = existingFileOfNobody();
        Result r = transport().download(host(), remote.toString(), local);
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("new content", Files.readString(local));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(local)));
        assertEquals("nobody", Files.getOwner(local).getName());
    }

    @Test
    default void aDownloadCreatesTheLocalDirectoryItLandsIn() throws Exception {
        Path remote = newFile("app.log", "log line\n".getBytes(StandardCharsets.UTF_8));
        Path local = newDirectory("logs").resolve("web01").resolve("app.log");
        Result r = transport().download(host(), remote.toString(), local);
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("log line\n", Files.readString(local));
    }

    /** A file with mode 0640 owned by nobody, in a directory only root may write to. */
    private Path existingFileOfNobody() throws Exception {
        Path file = newFile("app.conf", "old".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        return file;
    }

    @Test
    default void copyingFromOrToAPathThatDoesNotExistIsAnErrorNamingIt() throws Exception {
        Path local = newFile("up.txt", new byte[0]);
        Result up = transport().upload(host(), local, "/nonexistent-dir-contract/file");
        assertEquals(Outcome.ERROR, up.outcome(), up::toString);
        assertTrue(up.message().contains("/nonexistent-dir-contract/file"), up.message());
        Result down = transport().download(host(), "/nonexistent-dir-contract/file", local);
        assertEquals(Outcome.ERROR, down.outcome(), down::toString);
        assertTrue(down.message().contains("/nonexistent-dir-contract/file"), down.message());
    }

    private static byte[] content(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = (byte) (i * 31 + i / 7);
        return b;
    }
}

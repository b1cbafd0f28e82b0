package dev.opsshell.agent.run;

import dev.opsshell.agent.protocol.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A file written with a mode is never readable by others while its chunks arrive. */
class FileOpsTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aPrivateFileIsOwnerOnlyFromItsFirstChunkToTheEnd() throws Exception {
        Path target = dir.resolve("secret.key");
        byte[] first = "part one ".getBytes(StandardCharsets.UTF_8);
        byte[] second = "part two".getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(Message.FileWritten.class,
                FileOps.write(new Message.WriteFile(1, target.toString(), 0, first, false, "600")));
        assertEquals("rw-------", mode(dir.resolve("secret.key.ops-part")), "while the copy is under way");
        assertInstanceOf(Message.FileWritten.class,
                FileOps.write(new Message.WriteFile(2, target.toString(), first.length, second, true, "600")));
        assertEquals("rw-------", mode(target));
        assertEquals("part one part two", Files.readString(target));
    }

    @Test
    void aFileWithoutAModeIsWrittenAsBefore() throws Exception {
        Path target = dir.resolve("plain.txt");
        FileOps.write(new Message.WriteFile(1, target.toString(), 0, "x".getBytes(StandardCharsets.UTF_8), true, null));
        assertEquals("x", Files.readString(target));
    }
}

package dev.opsshell.agent.run;

import dev.opsshell.agent.protocol.ErrorCode;
import dev.opsshell.agent.protocol.FileMode;
import dev.opsshell.agent.protocol.Message;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads files in chunks for {@link Message.ReadFile}; writes are {@link FileWrites}. */
final class FileOps {
    /** The most one read answers with, so a reply stays well under the hub's frame limit. */
    static final int MAX_CHUNK = 1024 * 1024;

    private FileOps() {
    }

    static Message.Reply read(Message.ReadFile r) {
        Path path = Path.of(r.path());
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
            long size = f.length();
            int want = (int) Math.max(0, Math.min(Math.min(r.length(), MAX_CHUNK), size - r.offset()));
            byte[] data = new byte[want];
            f.seek(Math.min(r.offset(), size));
            f.readFully(data);
            return new Message.FileData(r.id(), data, size, r.offset() + want >= size, mode(path));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return ErrorCode.FAILED.reply(r.id(), "cannot read " + path + ": " + e.getMessage());
        } catch (IOException e) {
            return ErrorCode.FAILED.reply(r.id(), "reading " + path + " failed: " + e);
        }
    }

    /** The file's permission bits, so a download can carry them as SFTP and a local copy do. */
    private static String mode(Path path) {
        try {
            return FileMode.octal(Files.getPosixFilePermissions(path));
        } catch (IOException | UnsupportedOperationException e) {
            return null; // a file system without POSIX modes: the copy gets the default mode
        }
    }

    /** "644" becomes "rw-r--r--". */
    static String symbolic(String octal) {
        if (!octal.matches("[0-7]{3}")) throw new IllegalArgumentException("mode must be three octal digits, was " + octal);
        String[] bits = {"---", "--x", "-w-", "-wx", "r--", "r-x", "rw-", "rwx"};
        return String.join("", Arrays.stream(octal.split("")).map(d -> bits[d.charAt(0) - '0']).toList());
    }
}

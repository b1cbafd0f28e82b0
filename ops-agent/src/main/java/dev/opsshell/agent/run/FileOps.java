package dev.opsshell.agent.run;

import dev.opsshell.agent.protocol.ErrorCode;
import dev.opsshell.agent.protocol.Message;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/** Reads and writes files in chunks for {@link Message.ReadFile} and {@link Message.WriteFile}. */
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
            return new Message.FileData(r.id(), data, size, r.offset() + want >= size);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return ErrorCode.FAILED.reply(r.id(), "cannot read " + path + ": " + e.getMessage());
        } catch (IOException e) {
            return ErrorCode.FAILED.reply(r.id(), "reading " + path + " failed: " + e);
        }
    }

    static Message.Reply write(Message.WriteFile w) {
        Path path = Path.of(w.path());
        Path part = path.resolveSibling(path.getFileName() + ".ops-part");
        byte[] data = w.data() == null ? new byte[0] : w.data();
        try {
            if (w.offset() == 0 && w.mode() != null && !w.mode().isBlank()) {
                // a file with a mode (a key, say) is owner-only from its first byte; the mode is set at the end
                Files.deleteIfExists(part);
                Files.createFile(part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (RandomAccessFile f = new RandomAccessFile(part.toFile(), "rw")) {
                if (w.offset() == 0) f.setLength(0);
                if (f.length() != w.offset()) {
                    return ErrorCode.FAILED.reply(w.id(), "chunk at offset " + w.offset() + " does not follow "
                            + part + " (" + f.length() + " bytes); restart the copy");
                }
                f.seek(w.offset());
                f.write(data);
            }
            long total = w.offset() + data.length;
            if (w.last()) {
                if (w.mode() != null && !w.mode().isBlank()) {
                    Files.setPosixFilePermissions(part, PosixFilePermissions.fromString(symbolic(w.mode())));
                }
                Files.move(part, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Message.FileWritten(w.id(), total);
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            return ErrorCode.FAILED.reply(w.id(), "writing " + path + " failed: " + e);
        }
    }

    /** "644" becomes "rw-r--r--". */
    static String symbolic(String octal) {
        if (!octal.matches("[0-7]{3}")) throw new IllegalArgumentException("mode must be three octal digits, was " + octal);
        String[] bits = {"---", "--x", "-w-", "-wx", "r--", "r-x", "rw-", "rwx"};
        return String.join("", Arrays.stream(octal.split("")).map(d -> bits[d.charAt(0) - '0']).toList());
    }
}

package dev.opsshell.core.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes ready the place of an SQLite store before it is opened: the directory is created (0700:
 * the store names every machine ops manages), and a file or directory that cannot be written is
 * refused with its path and what to do, rather than as SQLite's "attempt to write a readonly
 * database" on the first job.
 */
final class SqliteFiles {
    private SqliteFiles() {
    }

    static void prepare(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new StoreException("the store " + file + " is a directory; give a file in it (" + file.resolve("ops.db")
                    + ") " + StoreErrors.CHOOSE_ANOTHER);
        }
        if (!Files.isDirectory(dir)) create(dir);
        // SQLite writes its -wal and -shm files beside the database: the directory must take new files too
        if (!Files.isWritable(dir)) throw StoreErrors.unusable("the store's directory", dir, "cannot be written");
        if (Files.exists(file) && !Files.isWritable(file)) throw StoreErrors.unusable("the store", file, "cannot be written");
    }

    private static void create(Path dir) {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (AccessDeniedException e) {
            throw StoreErrors.unusable("the store's directory", dir, "cannot be created (permission denied at " + e.getFile() + ")");
        } catch (FileSystemException e) {
            throw StoreErrors.unusable("the store's directory", dir, "cannot be created (" + e.getReason() + " at " + e.getFile() + ")");
        } catch (IOException e) {
            throw StoreErrors.unusable("the store's directory", dir, "cannot be created (" + e.getMessage() + ")");
        }
    }
}

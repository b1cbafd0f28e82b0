package dev.opsshell.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Puts a copied file in place on this machine the way every transport puts a copy in place on a
 * host: a new file gets the source's permission bits; a file that is already there keeps its own
 * mode, owner and group (as {@code cp} and {@code rsync} without {@code -p} do), so replacing a
 * config file never loosens or tightens it behind the operator's back. The copy is written next to
 * the target and renamed over it, so a reader never sees half a file.
 */
public final class LocalFiles {
    private LocalFiles() {
    }

    /** A temporary file in {@code target}'s directory, to write the copy into before {@link #install}. */
    public static Path temporaryFor(Path target) throws IOException {
        return Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".", ".ops-part");
    }

    /** The same, for a download: its directory ({@code logs/web01/}) is created as needed. */
    public static Path downloadTo(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        return temporaryFor(target);
    }

    /** Renames {@code copy} over {@code target}, with the mode (and owner) the class comment says. */
    public static void install(Path copy, Path target, Set<PosixFilePermission> sourceMode) throws IOException {
        try {
            PosixFileAttributes existing = existing(target);
            PosixFileAttributeView view = Files.getFileAttributeView(copy, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (existing == null) {
                view.setPermissions(sourceMode);
            } else {
                view.setPermissions(existing.permissions());
                if (!view.readAttributes().owner().equals(existing.owner())) view.setOwner(existing.owner());
                if (!view.readAttributes().group().equals(existing.group())) view.setGroup(existing.group());
            }
            Files.move(copy, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(copy); // gone already when the move succeeded
        }
    }

    private static PosixFileAttributes existing(Path target) throws IOException {
        try {
            PosixFileAttributes a = Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? a : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}

package dev.opsshell.agent.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * One file copy under way on the agent: a temporary file with a random name next to the target,
 * created exclusively (O_EXCL, so a symlink or file planted there is never opened) and owner-only,
 * held open while its chunks arrive, then given its mode and owner and renamed over the target.
 * Every step on a path refuses to follow a symlink, and the rename replaces a symlink at the target
 * instead of writing through it. Not thread-safe: {@link FileWrites} serialises each copy.
 */
final class PartFile {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path dir;
    private final String name;
    private final Path part;
    private final FileChannel channel;
    private final Object fileKey;
    private long written;
    long lastUsedNanos = System.nanoTime();

    private PartFile(Path dir, String name, Path part, FileChannel channel, Object fileKey) {
        this.dir = dir;
        this.name = name;
        this.part = part;
        this.channel = channel;
        this.fileKey = fileKey;
    }

    /**
     * Starts a copy to {@code target}: checks its directory (see {@link SharedDirectory}) and
     * creates the temporary file there. Throws {@link WriteRefused} with a message for the operator.
     */
    static PartFile start(Path target, boolean sharedDirectoryAllowed) throws IOException {
        Path file = target.getFileName();
        if (file == null || file.toString().equals(".") || file.toString().equals("..")) {
            throw new WriteRefused("cannot write " + target + ": it names a directory, not a file");
        }
        Path parent = target.toAbsolutePath().getParent();
        Path dir;
        try {
            dir = parent.toRealPath(); // symlinks above the file are the system's layout, not the file itself
        } catch (NoSuchFileException e) {
            throw new WriteRefused("cannot write " + target + ": the directory " + parent + " does not exist");
        }
        if (!Files.isDirectory(dir)) throw new WriteRefused("cannot write " + target + ": " + parent + " is not a directory");
        if (!sharedDirectoryAllowed) SharedDirectory.refuseIfShared(target, dir);
        String base = file.toString();
        Path part = dir.resolve("." + (base.length() > 100 ? base.substring(0, 100) : base) + ".ops-"
                + HexFormat.of().formatHex(randomBytes()) + ".part");
        FileChannel channel = FileChannel.open(part, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                NOFOLLOW), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Object key;
        try {
            key = Files.readAttributes(part, BasicFileAttributes.class, NOFOLLOW).fileKey();
        } catch (IOException e) {
            channel.close();
            Files.deleteIfExists(part);
            throw e;
        }
        return new PartFile(dir, base, part, channel, key);
    }

    long written() {
        return written;
    }

    void append(byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) channel.write(b);
        written += data.length;
        lastUsedNanos = System.nanoTime();
    }

    /**
     * Makes the copy the target: flushed to disk, the mode given (or the existing file's, or for a
     * new file {@code newFileMode}, else the default under the agent's umask), the existing file's
     * owner and group kept, then renamed into place. On failure the temporary file is removed and
     * the target untouched.
     */
    void install(Set<PosixFilePermission> mode, Set<PosixFilePermission> newFileMode) throws IOException {
        try {
            channel.force(true);
            channel.close();
            requireSameFile();
            PosixFileAttributes existing = existingFile();
            PosixFileAttributeView view = Files.getFileAttributeView(part, PosixFileAttributeView.class, NOFOLLOW);
            if (existing != null) keepOwner(view, existing);
            view.setPermissions(mode != null ? mode : existing != null ? existing.permissions()
                    : newFileMode != null ? newFileMode : defaultMode());
            requireSameFile();
            Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Closes and removes the temporary file (never what a symlink there might point to). */
    void abort() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a file we only wrote: nothing more to do than remove it below
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // left behind with its random name and owner-only mode; the error reply names the target
        }
    }

    /** The target as it is now, if it is a regular file (a symlink or nothing there gives null). */
    private PosixFileAttributes existingFile() throws IOException {
        Path target = dir.resolve(name);
        try {
            PosixFileAttributes a = Files.readAttributes(target, PosixFileAttributes.class, NOFOLLOW);
            return a.isRegularFile() ? a : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void keepOwner(PosixFileAttributeView view, PosixFileAttributes existing) throws IOException {
        PosixFileAttributes mine = view.readAttributes();
        try {
            if (!mine.owner().equals(existing.owner())) view.setOwner(existing.owner());
            if (!mine.group().equals(existing.group())) view.setGroup(existing.group());
        } catch (IOException e) {
            throw new WriteRefused("cannot keep the owner " + existing.owner().getName() + ":" + existing.group().getName()
                    + " of " + dir.resolve(name) + " (the agent runs as " + System.getProperty("user.name") + ": "
                    + e.getMessage() + "); the file is unchanged. Run the agent as root, or copy to a file it owns");
        }
    }

    /** Refuses to go on when the temporary name no longer holds the file this copy created. */
    private void requireSameFile() throws IOException {
        Object now = Files.readAttributes(part, BasicFileAttributes.class, NOFOLLOW).fileKey();
        if (!Objects.equals(now, fileKey)) {
            throw new WriteRefused("the temporary file " + part + " was replaced while " + dir.resolve(name)
                    + " was being written; the target is unchanged. Something else writes in " + dir);
        }
    }

    private static Set<PosixFilePermission> defaultMode() {
        int mode = 0666 & ~ProcessIdentity.CURRENT.umask();
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ (0400) … OTHERS_EXECUTE (0001)
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) perms.add(bits[i]);
        }
        return perms;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }
}

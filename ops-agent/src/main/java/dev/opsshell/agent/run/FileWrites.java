package dev.opsshell.agent.run;

import dev.opsshell.agent.protocol.ErrorCode;
import dev.opsshell.agent.protocol.Message;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The copies an agent is receiving ({@link Message.WriteFile}), each a {@link PartFile}: the chunk
 * at offset 0 starts one (again, if the same copy is retried), later chunks must follow on, and the
 * last installs it. Copies are told apart by target and transfer id, so two copies to one path never
 * mix. A copy left unfinished for {@value #ABANDONED_MINUTES} minutes is removed when the next one
 * starts; at most {@value #MAX_OPEN} are open at once. Thread-safe; {@link #close()} removes all.
 */
final class FileWrites implements AutoCloseable {
    static final int ABANDONED_MINUTES = 10;
    static final int MAX_OPEN = 256;

    private record Copy(Path target, String transfer) { }

    private final Map<Copy, PartFile> open = new HashMap<>();

    Message.Reply write(Message.WriteFile w) {
        byte[] data = w.data() == null ? new byte[0] : w.data();
        Copy copy;
        try {
            copy = new Copy(Path.of(w.path()).toAbsolutePath(), w.transfer());
        } catch (InvalidPathException e) {
            return ErrorCode.FAILED.reply(w.id(), "cannot write '" + w.path() + "': " + e.getMessage());
        }
        try {
            PartFile part = w.offset() == 0 ? start(copy, w.sharedDirectory()) : find(copy);
            synchronized (part) {
                if (part.written() != w.offset()) {
                    return ErrorCode.FAILED.reply(w.id(), "chunk at offset " + w.offset() + " does not follow the "
                            + part.written() + " bytes written so far to " + w.path() + "; restart the copy");
                }
                part.append(data);
                if (w.last()) {
                    forget(copy, part);
                    part.install(permissions(w.mode()), permissions(w.newFileMode()));
                }
                return new Message.FileWritten(w.id(), part.written());
            }
        } catch (WriteRefused e) {
            return ErrorCode.FAILED.reply(w.id(), e.getMessage());
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            abort(copy);
            return ErrorCode.FAILED.reply(w.id(), "writing " + w.path() + " failed: " + e);
        }
    }

    private static Set<PosixFilePermission> permissions(String octal) {
        return octal == null || octal.isBlank() ? null : PosixFilePermissions.fromString(FileOps.symbolic(octal));
    }

    private PartFile start(Copy copy, boolean sharedDirectory) throws IOException {
        List<PartFile> stale = new ArrayList<>();
        synchronized (this) {
            PartFile retried = open.remove(copy);
            if (retried != null) stale.add(retried);
            long limit = System.nanoTime() - ABANDONED_MINUTES * 60_000_000_000L;
            open.values().removeIf(p -> p.lastUsedNanos - limit < 0 && stale.add(p));
            if (open.size() >= MAX_OPEN) {
                stale.forEach(FileWrites::abortLocked);
                throw new WriteRefused("the agent has " + MAX_OPEN + " copies open already; retry when some finish");
            }
        }
        stale.forEach(FileWrites::abortLocked);
        PartFile part = PartFile.start(copy.target(), sharedDirectory);
        synchronized (this) {
            PartFile raced = open.put(copy, part);
            if (raced != null) abortLocked(raced);
        }
        return part;
    }

    private synchronized PartFile find(Copy copy) throws WriteRefused {
        PartFile part = open.get(copy);
        if (part == null) {
            throw new WriteRefused("no copy to " + copy.target() + " is under way (it finished, failed or was"
                    + " abandoned); restart the copy from the beginning");
        }
        return part;
    }

    private synchronized void forget(Copy copy, PartFile part) {
        open.remove(copy, part);
    }

    private void abort(Copy copy) {
        PartFile part;
        synchronized (this) {
            part = open.remove(copy);
        }
        if (part != null) abortLocked(part);
    }

    private static void abortLocked(PartFile part) {
        synchronized (part) {
            part.abort();
        }
    }

    /** Copies open now. */
    synchronized int openCopies() {
        return open.size();
    }

    /** Removes every unfinished copy's temporary file. */
    @Override
    public void close() {
        List<PartFile> all;
        synchronized (this) {
            all = new ArrayList<>(open.values());
            open.clear();
        }
        all.forEach(FileWrites::abortLocked);
    }
}

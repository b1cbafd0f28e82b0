package dev.opsshell.remote.everyday;

import dev.opsshell.core.testing.Await;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Holds dpkg's frontend lock the way apt does (an fcntl lock: Java's FileLock is one on Linux), so
 * apt sees this JVM as the holder. Taken with a deadline, since another developer's apt-get may hold it.
 */
final class DpkgLock implements AutoCloseable {
    static final Path FRONTEND = Path.of("/var/lib/dpkg/lock-frontend");
    private final FileChannel channel;
    private final FileLock lock;

    DpkgLock() throws IOException {
        channel = FileChannel.open(FRONTEND, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        lock = Await.value(Duration.ofMinutes(5), "dpkg's frontend lock to be free (another apt-get is running)", () -> {
            try {
                return Optional.ofNullable(channel.tryLock());
            } catch (IOException e) {
                throw new IllegalStateException("cannot lock " + FRONTEND + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}

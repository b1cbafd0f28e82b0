package dev.opsshell.core.store;

import dev.opsshell.core.testing.Requirements;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * Makes a file or directory unwritable for this process, and writable again on close. Root
 * writes through any mode bits, so as root (as CI runs) the path is made immutable with
 * {@code chattr +i} instead, which binds root too.
 */
final class Unwritable implements AutoCloseable {
    private final Path path;
    private final boolean asRoot = Requirements.isRoot();

    Unwritable(Path path) throws Exception {
        this.path = path;
        if (asRoot) {
            Requirements.require(Requirements.onPath("chattr"), "chattr (e2fsprogs) makes a file unwritable for root");
            run("chattr", "+i", path.toString());
        } else {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-x------" : "r--------"));
        }
    }

    @Override
    public void close() throws Exception {
        if (asRoot) run("chattr", "-i", path.toString());
        else Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}

package dev.opsshell.remote.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What every transport promises, run against each of them (jclouds' way: one live test suite, one
 * subclass per driver): local, SSH to the loopback OpenSSH lab, and an agent JVM behind a real hub.
 * The promises are grouped by concept in {@link ExecContract}, {@link LimitsContract},
 * {@link FileContract} and {@link SudoContract}. A subclass starts its servers once in
 * {@link #open()} and stops them in {@link #close()}. The commands run on this machine in every
 * case, so the suite can look for leftover processes and read the files a copy wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TransportContract implements ExecContract, LimitsContract, FileContract, SudoContract {
    private Path scratch;
    private final AtomicInteger names = new AtomicInteger();

    /** Starts what the transport needs (a lab, a hub and an agent) once for the class. */
    protected abstract void open() throws Exception;

    protected abstract void close() throws Exception;

    @BeforeAll
    void start() throws Exception {
        // readable by all, writable by root only: sudo tests run as nobody in here, agents refuse shared directories
        scratch = Files.createTempDirectory("ops-contract-");
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
        open();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            close();
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    @Override
    public Path newDirectory(String name) throws Exception {
        Path dir = Files.createDirectory(scratch.resolve(names.incrementAndGet() + "-" + name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    @Override
    public Path newFile(String name, byte[] content) throws Exception {
        return Files.write(newDirectory("of-" + name).resolve(name), content);
    }
}

package dev.opsshell.remote.local;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.CutShort;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.StreamCollector;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.remote.LocalFiles;
import dev.opsshell.remote.become.Become;
import dev.opsshell.remote.become.ShellLine;
import dev.opsshell.remote.become.Sudo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs commands on this machine as child processes ({@code /bin/sh -c}): the embedded default for
 * {@code localhost}. A timed-out or cancelled command is killed with its whole process tree. Sudo
 * follows the same plan as over SSH ({@link Sudo}), with this process's user as the login user.
 */
public final class LocalTransport implements Transport {
    public static final String NAME = "local";
    private static final String USER = System.getProperty("user.name");
    private static final Duration AFTER_EXIT = Duration.ofSeconds(2);
    private static final Executor READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ops-local-output");
        t.setDaemon(true);
        return t;
    });

    private final Sudo sudo;

    public LocalTransport(Session session) {
        this.sudo = new Sudo(session::prompter); // nothing pooled: each command is its own process
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result exec(Host host, Command command, OutputSink sink) {
        Instant start = Instant.now();
        Optional<String> noSudo = command.sudo() ? Become.unsupported(host) : Optional.empty();
        if (noSudo.isPresent()) return Result.problem(host, Outcome.ERROR, noSudo.get(), start, NAME);
        Sudo.Plan plan = command.sudo() ? sudo.plan(host, USER, ShellLine.withExports(command))
                : Sudo.Plan.plain(ShellLine.of(command));
        try {
            return sudo.check(run(host, command, plan, plan.masked(sink), start), plan, host.name());
        } finally {
            if (plan.input() != null) Arrays.fill(plan.input(), (byte) 0); // the sudo password
        }
    }

    private Result run(Host host, Command command, Sudo.Plan plan, OutputSink sink, Instant start) {
        Process process;
        try {
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", plan.line());
            pb.environment().putAll(command.env());
            process = pb.start();
        } catch (IOException e) {
            return Result.problem(host, Outcome.ERROR, "could not start /bin/sh: " + e.getMessage(), start, NAME);
        }
        // the sudo password if any, then end of file: a command that reads stdin sees end of file, not a hang
        writeInput(process, plan.input());
        StreamCollector out = new StreamCollector(host, false, command.outputCap(), sink);
        StreamCollector err = new StreamCollector(host, true, command.outputCap(), sink);
        CompletableFuture<Void> outDone = drain(out, process.getInputStream());
        CompletableFuture<Void> errDone = drain(err, process.getErrorStream());
        try {
            boolean exited = waitFor(process, command);
            if (!exited) {
                kill(process);
                return cutShort(host, Outcome.TIMED_OUT, out, err, outDone, errDone, start,
                        CutShort.timedOut(command.timeout()));
            }
            // as over SSH and on an agent: output still on its way gets 2 s, a background child none
            CompletableFuture.allOf(outDone, errDone).get(AFTER_EXIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            Result r = cutShort(host, Outcome.CANCELLED, out, err, outDone, errDone, start,
                    CutShort.CANCELLED);
            Thread.currentThread().interrupt();
            return r;
        } catch (Exception e) {
            // output readers outlived the process: a background child still holds the pipe open
        }
        return Result.exited(host, process.exitValue(), out.text(), err.text(),
                out.truncated() || err.truncated(), start, NAME);
    }

    /** A killed command's result with the output it printed before: partial failure is data too. */
    private static Result cutShort(Host host, Outcome outcome, StreamCollector out, StreamCollector err,
                                   CompletableFuture<Void> outDone, CompletableFuture<Void> errDone, Instant start,
                                   String message) {
        try {
            CompletableFuture.allOf(outDone, errDone).get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep what was read so far; the caller is cancelling anyway
        } catch (ExecutionException | TimeoutException e) {
            // a background child still holds a pipe open: keep what was read so far
        }
        return new Result(host, outcome, -1, out.text(), err.text(), out.truncated() || err.truncated(), start,
                Duration.between(start, Instant.now()), NAME, message);
    }

    private static CompletableFuture<Void> drain(StreamCollector collector, InputStream in) {
        return CompletableFuture.runAsync(() -> {
            try (in) {
                collector.drain(in);
            } catch (IOException e) {
                // the stream closed under us because the process was killed: keep what was read
            }
        }, READERS);
    }

    private static boolean waitFor(Process process, Command command) throws InterruptedException {
        if (command.timeout().isZero()) {
            process.waitFor();
            return true;
        }
        return process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void writeInput(Process p, byte[] input) {
        try (var stdin = p.getOutputStream()) {
            if (input != null) stdin.write(input);
        } catch (IOException e) {
            // the child exited before reading its input; its result says why
        }
    }

    /**
     * Kills the command's whole tree from the top down (the JDK lists descendants breadth first): a
     * shell killed after its child would report the child's death ("Killed") on stderr first.
     */
    private static void kill(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public Result upload(Host host, Path localFile, String remotePath) {
        return copy(host, localFile, Path.of(remotePath), false);
    }

    @Override
    public Result download(Host host, String remotePath, Path localFile) {
        return copy(host, Path.of(remotePath), localFile, true);
    }

    /** A new file gets the source's mode; an existing one keeps its mode and owner ({@link LocalFiles}). */
    private Result copy(Host host, Path from, Path to, boolean download) {
        Instant start = Instant.now();
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(from);
            Path part = download ? LocalFiles.downloadTo(to) : LocalFiles.temporaryFor(to);
            Files.copy(from, part, StandardCopyOption.REPLACE_EXISTING);
            LocalFiles.install(part, to, mode);
            return Result.exited(host, 0, "copied " + from + " to " + to + " (" + Files.size(to) + " bytes)", "",
                    false, start, NAME);
        } catch (IOException e) {
            return Result.problem(host, Outcome.ERROR, "copy " + from + " to " + to + " failed: " + e, start, NAME);
        }
    }

    @Override
    public void close() {
        // nothing held
    }
}

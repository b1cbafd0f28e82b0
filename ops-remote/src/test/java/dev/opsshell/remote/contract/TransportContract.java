package dev.opsshell.remote.contract;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Prompter;
import dev.opsshell.core.transport.Prompter;
import dev.opsshell.core.transport.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every transport promises, run against each of them (jclouds' way: one live test suite, one
 * subclass per driver): local, SSH to the loopback OpenSSH lab, and an agent JVM behind a real hub.
 * A subclass starts its servers once in {@link #open()} and stops them in {@link #close()}. The
 * commands run on this machine in every case, so the suite can look for leftover processes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TransportContract {
    protected static final Duration LONG_ENOUGH = Duration.ofSeconds(60);
    private static final long CAP = 1 << 20;

    /** Starts what the transport needs (a lab, a hub and an agent) once for the class. */
    protected abstract void open() throws Exception;

    protected abstract void close() throws Exception;

    protected abstract Transport transport();

    protected abstract Session session();

    /** The host the commands run on, as the transport's usual user (root here), with these variables. */
    protected abstract Host host(Map<String, String> vars);

    /** The name results carry in {@code transport()}. */
    protected abstract String transportName();

    /** Where a command that names no directory starts. */
    protected abstract String startDirectory();

    @BeforeAll
    void start() throws Exception {
        open();
    }

    @AfterAll
    void stop() throws Exception {
        close();
    }

    protected Host host() {
        return host(Map.of());
    }

    protected static Command command(String line) {
        return new Command(line, false, LONG_ENOUGH, CAP, Map.of());
    }

    protected Result run(Command command) {
        return transport().exec(host(), command, OutputSink.NONE);
    }

    protected Result run(String line) {
        return run(command(line));
    }

    // ---- exit codes and output

    @Test
    void exitZeroIsOkAndAnyOtherCodeIsFailedWithThatCode() {
        Result ok = run("true");
        assertEquals(Outcome.OK, ok.outcome(), ok::toString);
        assertEquals(0, ok.exitCode());
        assertEquals(transportName(), ok.transport());
        Result three = run("exit 3");
        assertEquals(Outcome.FAILED, three.outcome(), three::toString);
        assertEquals(3, three.exitCode());
        assertEquals("", three.message(), "a plain non-zero exit needs no message");
    }

    @Test
    void stdoutAndStderrArriveSeparately() {
        Result r = run("echo to-out; echo to-err >&2; printf 'no newline'");
        assertEquals("to-out\nno newline", r.stdout(), r::toString);
        assertEquals("to-err\n", r.stderr(), r::toString);
    }

    @Test
    void aCommandThatReadsStdinSeesEndOfFileAtOnce() {
        Result r = run("cat; echo after-eof");
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("after-eof\n", r.stdout());
    }

    @Test
    void outputLinesStreamLiveToTheSinkTaggedWithHostAndStream() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Result r = transport().exec(host(), command("echo one; echo two >&2; echo three"),
                (h, stderr, line) -> lines.add(h.name() + (stderr ? " err " : " out ") + line));
        assertTrue(r.ok(), r::toString);
        String name = host().name();
        assertTrue(lines.containsAll(List.of(name + " out one", name + " err two", name + " out three")), lines::toString);
        assertEquals(3, lines.size(), lines::toString);
    }

    @Test
    void aChildLeftRunningInTheBackgroundDoesNotHoldBackTheResult() {
        String sleep = Processes.uniqueSleep();
        try {
            Result r = run(command(sleep + " & echo started").withTimeout(Duration.ofSeconds(20)));
            assertEquals(Outcome.OK, r.outcome(), r::toString);
            assertEquals("started\n", r.stdout());
        } finally {
            Processes.kill(sleep);
        }
    }

    // ---- environment

    @Test
    void environmentVariablesArePassedExactly() {
        String tricky = "it's \"quoted\" $HOME `x` \\ and\nnewline";
        Result r = run(command("printf '%s|%s|%s' \"$GREETING\" \"$EMPTY\" \"${UNSET-unset}\"")
                .withEnv(Map.of("GREETING", tricky, "EMPTY", "")));
        assertEquals(tricky + "||unset", r.stdout(), r::toString);
    }

    // ---- working directory

    @Test
    void aCommandThatNamesNoDirectoryStartsInTheTransportsStartDirectory() {
        Result r = run("pwd");
        assertEquals(startDirectory() + "\n", r.stdout(), r::toString);
    }

    @Test
    void aCommandRunsInTheDirectoryItNames() throws Exception {
        Path dir = Files.createDirectories(Files.createTempDirectory("contract").resolve("it's a dir"));
        Result r = run(command("pwd").withDirectory(dir.toString()));
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals(dir + "\n", r.stdout());
    }

    @Test
    void aDirectoryThatDoesNotExistFailsTheCommandBeforeItRuns() {
        Result r = run(command("echo ran").withDirectory("/nonexistent-contract-dir"));
        assertEquals(Outcome.FAILED, r.outcome(), r::toString);
        assertEquals(1, r.exitCode());
        assertEquals("", r.stdout(), "the command must not run elsewhere");
        assertTrue(r.stderr().contains("/nonexistent-contract-dir"), r::toString);
    }

    // ---- limits: output cap, timeout, cancel

    @Test
    void outputPastTheCapIsCutPerStreamAndMarkedTruncated() {
        Result r = run(command("head -c 300000 /dev/zero | tr '\\0' y; echo done >&2").withOutputCap(1000));
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("y".repeat(1000), r.stdout());
        assertEquals("done\n", r.stderr(), "the cap is per stream");
        assertTrue(r.truncated());
        assertTrue(r.toString().endsWith("[output truncated]"), r::toString);
    }

    @Test
    void outputUpToTheCapIsNotMarkedTruncated() {
        Result r = run(command("head -c 1000 /dev/zero | tr '\\0' y").withOutputCap(1000));
        assertEquals(1000, r.stdout().length());
        assertFalse(r.truncated(), r::toString);
    }

    @Test
    void aCommandPastItsTimeoutIsKilledAndKeepsWhatItPrinted() throws Exception {
        String sleep = Processes.uniqueSleep();
        Result r = run(command("echo before; echo oops >&2; " + sleep).withTimeout(Duration.ofMillis(1500)));
        assertEquals(Outcome.TIMED_OUT, r.outcome(), r::toString);
        assertEquals(-1, r.exitCode());
        assertEquals("before\n", r.stdout(), r::toString);
        assertEquals("oops\n", r.stderr(), r::toString);
        assertEquals("killed after 1500 ms (command timeout); raise it with timeout(…) or --timeout", r.message());
        assertEquals(List.of(), Processes.awaitGone(sleep, Duration.ofSeconds(10)), "the command must be killed");
    }

    @Test
    void aCancelledCommandIsKilledAndKeepsWhatItPrinted() throws Exception {
        String sleep = Processes.uniqueSleep();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Result> result = new AtomicReference<>();
        Thread caller = new Thread(() -> result.set(transport().exec(host(), command("echo started; " + sleep),
                (h, stderr, line) -> started.countDown())), "contract-cancel");
        caller.start();
        assertTrue(started.await(30, TimeUnit.SECONDS), "the command printed nothing");
        assertTrue(Processes.awaitRunning(sleep, Duration.ofSeconds(10)), "the sleep never started");
        caller.interrupt(); // what Ctrl-C does to the fan-out's threads
        caller.join(TimeUnit.SECONDS.toMillis(15));
        assertFalse(caller.isAlive(), "exec must return promptly once interrupted");
        Result r = result.get();
        assertEquals(Outcome.CANCELLED, r.outcome(), r::toString);
        assertEquals("started\n", r.stdout(), r::toString);
        assertEquals("cancelled (Ctrl-C); the command was killed", r.message());
        assertEquals(List.of(), Processes.awaitGone(sleep, Duration.ofSeconds(10)), "the command must be killed");
    }

    @Test
    void aCommandKilledByASignalExitsWithTheShellsCodeForIt() {
        Result r = run("echo about-to-die; kill -TERM $$");
        assertEquals(Outcome.FAILED, r.outcome(), r::toString);
        assertEquals(128 + 15, r.exitCode(), r::toString);
        assertEquals("about-to-die\n", r.stdout());
    }

    // ---- files

    @Test
    void anUploadCopiesContentAndMode() throws Exception {
        Path local = Files.createTempFile("contract-up", ".bin");
        Files.write(local, content(1_500_000));
        Files.setPosixFilePermissions(local, PosixFilePermissions.fromString("rwxr-x---"));
        Path remote = Files.createTempDirectory("contract-remote").resolve("uploaded");
        Result r = transport().upload(host(), local, remote.toString());
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(remote));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(remote)));
    }

    @Test
    void aDownloadCopiesContentAndMode() throws Exception {
        Path remote = Files.createTempFile("contract-down", ".bin");
        Files.write(remote, content(1_200_000));
        Files.setPosixFilePermissions(remote, PosixFilePermissions.fromString("rwx------"));
        Path local = Files.createTempDirectory("contract-local").resolve("downloaded");
        Result r = transport().download(host(), remote.toString(), local);
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertArrayEquals(Files.readAllBytes(remote), Files.readAllBytes(local));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(local)));
    }

    @Test
    void anUploadOverAnExistingFileKeepsItsModeAndOwner() throws Exception {
        Path local = Files.createTempFile("contract-up", ".conf");
        Files.writeString(local, "new content");
        Files.setPosixFilePermissions(local, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path remote = existingFileOfNobody();
        Result r = transport().upload(host(), local, remote.toString());
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("new content", Files.readString(remote));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(remote)));
        assertEquals("nobody", Files.getOwner(remote).getName());
    }

    @Test
    void aDownloadOverAnExistingFileKeepsItsModeAndOwner() throws Exception {
        Path remote = Files.createTempFile("contract-down", ".conf");
        Files.writeString(remote, "new content");
        Files.setPosixFilePermissions(remote, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path local = existingFileOfNobody();
        Result r = transport().download(host(), remote.toString(), local);
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("new content", Files.readString(local));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(local)));
        assertEquals("nobody", Files.getOwner(local).getName());
    }

    @Test
    void aDownloadCreatesTheLocalDirectoryItLandsIn() throws Exception {
        Path remote = Files.writeString(Files.createTempFile("contract-down", ".log"), "log line\n");
        Path local = Files.createTempDirectory("contract-logs").resolve("web01").resolve("app.log");
        Result r = transport().download(host(), remote.toString(), local);
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("log line\n", Files.readString(local));
    }

    /** A file with mode 0640 owned by nobody, in a directory only root may write to. */
    private static Path existingFileOfNobody() throws Exception {
        Path file = Files.writeString(Files.createTempDirectory("contract-existing").resolve("app.conf"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        return file;
    }

    @Test
    void copyingFromOrToAPathThatDoesNotExistIsAnErrorNamingIt() throws Exception {
        Path local = Files.createTempFile("contract-up", ".txt");
        Result up = transport().upload(host(), local, "/nonexistent-dir-contract/file");
        assertEquals(Outcome.ERROR, up.outcome(), up::toString);
        assertTrue(up.message().contains("/nonexistent-dir-contract/file"), up.message());
        Result down = transport().download(host(), "/nonexistent-dir-contract/file", local);
        assertEquals(Outcome.ERROR, down.outcome(), down::toString);
        assertTrue(down.message().contains("/nonexistent-dir-contract/file"), down.message());
    }

    private static byte[] content(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = (byte) (i * 31 + i / 7);
        return b;
    }

    // ---- sudo

    @Test
    void sudoRunsAsRootWhenNoBecomeUserIsSet() {
        Result r = transport().exec(host(), command("id -un").withSudo(true), OutputSink.NONE);
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("root\n", r.stdout());
    }

    @Test
    void sudoRunsAsTheBecomeUser() {
        Result r = transport().exec(host(Map.of("ansible_become_user", "nobody")),
                command("id -un").withSudo(true), OutputSink.NONE);
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("nobody\n", r.stdout());
        Result plain = transport().exec(host(Map.of("ansible_become_user", "nobody")), command("id -un"), OutputSink.NONE);
        assertEquals("root\n", plain.stdout(), "without sudo the become user is not used");
    }

    @Test
    void sudoKeepsTheCommandsEnvironment() {
        Result r = transport().exec(host(Map.of("ansible_become_user", "nobody")),
                command("printf '%s' \"$GREETING\"").withSudo(true).withEnv(Map.of("GREETING", "kept it's")),
                OutputSink.NONE);
        assertEquals("kept it's", r.stdout(), r::toString);
    }

    @Test
    void sudoToAUserThatDoesNotExistFailsNamingTheUser() {
        Result r = transport().exec(host(Map.of("ansible_become_user", "no-such-user-ops")),
                command("id -un").withSudo(true), OutputSink.NONE);
        assertEquals(Outcome.FAILED, r.outcome(), r::toString);
        assertTrue(r.message().contains("'no-such-user-ops'") && r.message().contains("ansible_become_user"),
                r::toString);
    }

    @Test
    void aBecomeMethodOtherThanSudoIsAClearErrorForThatHost() {
        Result r = transport().exec(host(Map.of("ansible_become_method", "su")),
                command("id -un").withSudo(true), OutputSink.NONE);
        assertEquals(Outcome.ERROR, r.outcome(), r::toString);
        assertTrue(r.message().contains("ansible_become_method=su"), r.message());
        assertEquals("", r.stdout(), "nothing ran");
    }

    @Test
    void sudoEntersTheDirectoryAsTheBecomeUser() throws Exception {
        Path open = Files.createTempDirectory("contract-open");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path closed = Files.createTempDirectory("contract-closed"); // 0700, root's
        Host asNobody = host(Map.of("ansible_become_user", "nobody"));
        Result in = transport().exec(asNobody, command("pwd; id -un").withSudo(true).withDirectory(open.toString()),
                OutputSink.NONE);
        assertEquals(open + "\nnobody\n", in.stdout(), in::toString);
        Result refused = transport().exec(asNobody, command("echo ran").withSudo(true)
                .withDirectory(closed.toString()), OutputSink.NONE);
        assertEquals(Outcome.FAILED, refused.outcome(), refused::toString);
        assertEquals("", refused.stdout(), "nobody may not enter a directory only root can");
    }

    @Test
    void sudoAsRootNeverAsksForAPassword() {
        List<String> asked = new CopyOnWriteArrayList<>();
        Prompter before = session().prompter();
        session().prompter(prompt -> {
            asked.add(prompt);
            return Optional.empty();
        });
        try {
            Result r = transport().exec(host(Map.of("ansible_become_user", "nobody")),
                    command("id -un").withSudo(true), OutputSink.NONE);
            assertEquals(Outcome.OK, r.outcome(), r::toString);
            assertEquals(List.of(), asked, "root needs no password to become anyone");
        } finally {
            session().prompter(before);
        }
    }

    @Test
    void aSudoCommandPastItsTimeoutIsKilled() throws Exception {
        String sleep = Processes.uniqueSleep();
        Result r = transport().exec(host(Map.of("ansible_become_user", "nobody")),
                command("echo before; " + sleep).withSudo(true).withTimeout(Duration.ofSeconds(1)), OutputSink.NONE);
        assertEquals(Outcome.TIMED_OUT, r.outcome(), r::toString);
        assertEquals("before\n", r.stdout(), r::toString);
        assertEquals(List.of(), Processes.awaitGone(sleep, Duration.ofSeconds(10)), "the command must be killed");
    }
}

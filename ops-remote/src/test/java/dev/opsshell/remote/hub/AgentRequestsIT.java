package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.Message;
import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.opsshell.remote.Ops.upload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every request type against a real agent process: files, facts, metrics, cancel, timeout, output cap. */
class AgentRequestsIT {
    @TempDir
    static Path dir;
    static HubFixture fx;
    static Transport transport;
    static final Host A2 = Host.of("a2");

    @BeforeAll
    static void start() throws Exception {
        fx = new HubFixture(dir);
        fx.accepted("a2");
        transport = fx.session.transport("agent");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Command cmd(String line) {
        return Command.of(line, fx.session.settings());
    }

    @Test
    void aFileUploadedInSeveralChunksDownloadsBackIdentical() throws Exception {
        byte[] data = new byte[2_500_000];
        new Random(7).nextBytes(data);
        Path local = dir.resolve("big.bin");
        Files.write(local, data);
        Path remote = dir.resolve("remote.bin");
        Result up = transport.upload(A2, local, remote.toString());
        assertTrue(up.ok(), up::toString);
        assertEquals("agent", up.transport());
        assertArrayEquals(data, Files.readAllBytes(remote));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().contains(".ops-")).toList(),
                    "no temporary file is left behind");
        }
        Path back = dir.resolve("back.bin");
        Result down = transport.download(A2, remote.toString(), back);
        assertTrue(down.ok(), down::toString);
        assertArrayEquals(data, Files.readAllBytes(back));
    }

    @Test
    void anUploadReplacesASymlinkAtTheTargetInsteadOfWritingThroughIt() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path target = Files.createSymbolicLink(dir.resolve("linked.conf"), victim);
        Path local = Files.writeString(dir.resolve("new.conf"), "new config");
        Result up = transport.upload(A2, local, target.toString());
        assertTrue(up.ok(), up::toString);
        assertEquals("precious", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(target));
        assertEquals("new config", Files.readString(target));
    }

    @Test
    void anUploadIntoAWorldWritableDirectoryIsRefusedUnlessAskedFor() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path local = Files.writeString(dir.resolve("x.sh"), "echo hi");
        String remote = shared.resolve("x.sh").toString();
        Result refused = transport.upload(A2, local, remote);
        assertEquals(Outcome.ERROR, refused.outcome(), refused::toString);
        assertTrue(refused.message().contains("is shared") && refused.message().contains("intoSharedDirectory()"),
                refused.message());
        assertFalse(Files.exists(shared.resolve("x.sh")));
        Session.setCurrent(fx.session);
        try {
            Results asked = Hosts.of("a2", List.of(A2)).via("agent").run(upload(local.toString(), remote).intoSharedDirectory());
            assertTrue(asked.allOk(), asked::toString);
        } finally {
            Session.setCurrent(null);
        }
        assertEquals("echo hi", Files.readString(shared.resolve("x.sh")));
    }

    @Test
    void downloadingAMissingFileSaysWhichFile() {
        Result r = transport.download(A2, "/nonexistent/file", dir.resolve("x"));
        assertEquals(Outcome.ERROR, r.outcome());
        assertTrue(r.message().contains("/nonexistent/file"), r.message());
    }

    @Test
    void factsDescribeTheMachine() {
        Message.Reply r = fx.hub.request("a2", Message.Facts::new, Duration.ofSeconds(10));
        Map<String, String> facts = assertInstanceOf(Message.FactsReply.class, r).facts();
        assertEquals(System.getProperty("os.arch"), facts.get("arch"));
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), facts.get("cpus"));
        assertTrue(Long.parseLong(facts.get("memory")) > 0);
        assertEquals("0.1.0", facts.get("agent"));
        assertTrue(facts.containsKey("kernel") && facts.containsKey("os") && facts.containsKey("addresses"));
    }

    @Test
    void metricsAreSampledFromProc() {
        Message.Reply r = fx.hub.request("a2", Message.Metrics::new, Duration.ofSeconds(10));
        Map<String, Double> m = assertInstanceOf(Message.MetricsReply.class, r).values();
        assertTrue(m.get("mem.total") > 0 && m.get("cpu.idle") > 0 && m.containsKey("load.1"), m::toString);
    }

    @Test
    void aPingComesBackWithItsTimestamp() {
        Message.Reply r = fx.hub.request("a2", id -> new Message.Ping(id, 424242), Duration.ofSeconds(5));
        assertEquals(424242, assertInstanceOf(Message.Pong.class, r).sentNanos());
    }

    @Test
    void aCommandPastItsTimeoutIsKilledWithItsChildren() throws Exception {
        String marker = "sleep 31.7" + ProcessHandle.current().pid() % 10;
        Result r = transport.exec(A2, cmd(marker + " & " + marker + "; wait").withTimeout(Duration.ofSeconds(1)),
                OutputSink.NONE);
        assertEquals(Outcome.TIMED_OUT, r.outcome(), r::toString);
        awaitGone(marker);
    }

    @Test
    void aChildLeftRunningInTheBackgroundDoesNotHoldBackTheReply() throws Exception {
        String marker = "sleep 33.5" + ProcessHandle.current().pid() % 10;
        try {
            // a reply that waited for the 33 s child would be timed out at 20 s
            Result r = transport.exec(A2, cmd("echo started; " + marker + " &").withTimeout(Duration.ofSeconds(20)),
                    OutputSink.NONE);
            assertEquals(Outcome.OK, r.outcome(), r::toString);
            assertEquals("started\n", r.stdout());
            assertEquals(1, processesMatching(marker), "the background child is left running, as asked");
        } finally {
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void cancellingARequestKillsItsProcessAndEndsItAsCancelled() throws Exception {
        String marker = "sleep 32.4" + ProcessHandle.current().pid() % 10;
        Hub.Call call = fx.hub.call("a2", id -> Message.Exec.shell(id, marker, 60_000, 1000), o -> { },
                Duration.ofSeconds(70));
        awaitRunning(marker);
        fx.hub.cancel("a2", call.id());
        Message.Exit exit = assertInstanceOf(Message.Exit.class, call.reply().get(20, TimeUnit.SECONDS));
        assertTrue(exit.cancelled());
        awaitGone(marker);
    }

    @Test
    void interruptingTheCallerCancelsTheCommandOnTheAgent() throws Exception {
        String marker = "sleep 33.6" + ProcessHandle.current().pid() % 10;
        CompletableFuture<Result> result = new CompletableFuture<>();
        Thread t = new Thread(() -> result.complete(transport.exec(A2, cmd(marker), OutputSink.NONE)));
        t.start();
        awaitRunning(marker);
        t.interrupt();
        assertEquals(Outcome.CANCELLED, result.get(20, TimeUnit.SECONDS).outcome());
    }

    @Test
    void outputPastTheCapIsCutAndMarkedTruncated() {
        Command c = new Command("head -c 200000 /dev/zero | tr '\\0' a; echo done >&2", false, Duration.ofSeconds(10),
                1000, Map.of());
        Result r = transport.exec(A2, c, OutputSink.NONE);
        assertTrue(r.ok(), r::toString);
        assertEquals(1000, r.stdout().length());
        assertTrue(r.truncated());
        assertEquals("done\n", r.stderr());
    }

    @Test
    void environmentVariablesReachTheCommand() {
        Command c = new Command("echo $GREETING", false, Duration.ofSeconds(10), 1000, Map.of("GREETING", "hi there"));
        assertEquals("hi there\n", transport.exec(A2, c, OutputSink.NONE).stdout());
    }

    @Test
    void severalRequestsRunAtOnce() throws Exception {
        // each command finishes only once all eight have started: run one after another, they would time out
        Path started = Files.createDirectory(dir.resolve("started"));
        String line = "touch " + started + "/$$; until [ $(ls " + started + " | wc -l) -ge 8 ]; do sleep 0.05; done; echo ";
        var calls = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> transport.exec(A2,
                        cmd(line + i).withTimeout(Duration.ofSeconds(30)), OutputSink.NONE)))
                .toList();
        calls.forEach(f -> assertTrue(f.join().ok(), () -> f.join().toString()));
    }

    /** Waits until a process whose command line contains {@code commandLine} runs (the agent has started it). */
    static void awaitRunning(String commandLine) {
        Await.until(Duration.ofSeconds(20), "a process running '" + commandLine + "'",
                () -> processesMatching(commandLine) > 0);
    }

    /** Waits until no process whose command line contains {@code commandLine} is left (it was killed). */
    static void awaitGone(String commandLine) {
        Await.until(Duration.ofSeconds(20), "no process left running '" + commandLine + "'",
                () -> processesMatching(commandLine) == 0);
    }

    static long processesMatching(String commandLine) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(commandLine)).orElse(false)).count();
    }
}

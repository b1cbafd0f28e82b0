package dev.opsshell.remote.contract;

import dev.opsshell.core.testing.Await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What runs on this machine, for the contract's "the process is gone" checks: every transport under
 * test runs its commands here (local children, the loopback sshd, an agent on this machine).
 */
public final class Processes {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private Processes() {
    }

    /** A {@code sleep} no other test runs: {@code sleep 300.4821…}, findable by its command line. */
    public static String uniqueSleep() {
        return "sleep 300." + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    /** The command lines of the processes running {@code marker} now. */
    public static List<String> running(String marker) {
        return ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(marker))
                .toList();
    }

    /** Asserts that every process running {@code marker} is gone, waiting for it up to a deadline. */
    public static void assertGone(String marker) {
        Await.until(LIMIT, "every process running '" + marker + "' to be killed", () -> running(marker).isEmpty());
    }

    /** Waits until a process runs {@code marker}, so a test knows its command has started. */
    public static void awaitRunning(String marker) {
        Await.until(LIMIT, "a process running '" + marker + "'", () -> !running(marker).isEmpty());
    }

    /** Kills what a test left running on purpose. */
    public static void kill(String marker) {
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker))
                .forEach(ProcessHandle::destroyForcibly);
    }
}

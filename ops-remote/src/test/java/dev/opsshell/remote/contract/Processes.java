package dev.opsshell.remote.contract;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What runs on this machine, for the contract's "the process is gone" checks: every transport under
 * test runs its commands here (local children, the loopback sshd, an agent on this machine).
 */
public final class Processes {
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
                .filter(line -> line.contains(marker) && !line.contains("pgrep"))
                .toList();
    }

    /** Waits until no process runs {@code marker}; returns those still running at the deadline. */
    public static List<String> awaitGone(String marker, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        List<String> left = running(marker);
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
            left = running(marker);
        }
        return left;
    }

    /** Waits until a process runs {@code marker}, so a test knows its command has started. */
    public static boolean awaitRunning(String marker, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!running(marker).isEmpty()) return true;
            Thread.sleep(20);
        }
        return false;
    }

    /** Kills what a test left running on purpose. */
    public static void kill(String marker) {
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker))
                .forEach(ProcessHandle::destroyForcibly);
    }
}

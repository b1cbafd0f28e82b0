package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub each interactive shell starts, seen from outside: two shells of one user on one machine
 * in real terminals (tmux), and the sockets the kernel lists ({@code ss -ltn}).
 */
class TerminalHubIT {
    private static final long START = 60; // seconds; a cold JVM on a busy 2-core machine
    private static final String PROMPT = "ops> ";
    private static final Pattern MOVED = Pattern.compile(
            "hub: port (\\d+) is taken \\(another ops shell\\?\\); this shell's hub listens on tcp://127\\.0\\.0\\.1:(\\d+) instead");

    @TempDir
    Path home;

    @Test
    void aSecondShellTakesAFreePortAtOnceSaysWhichAndBothListenOnLoopbackOnly() throws Exception {
        int port = freePort(); // both shells are asked for the same port, as with the default 4505
        String shell = "env OPS_HUB_PORT=" + port + " " + OpsProcess.LAUNCHER;
        try (Tmux first = Tmux.start(home, shell)) {
            first.await(PROMPT, START);
            assertLoopbackOnly(awaitListening(port));
            try (Tmux second = Tmux.start(home, shell)) {
                second.await(PROMPT, START);
                String s = second.await("the second shell saying where its hub listens", 60, screen -> MOVED.matcher(screen).find());
                Matcher m = MOVED.matcher(s);
                assertTrue(m.find(), s);
                assertEquals(Integer.toString(port), m.group(1));
                int own = Integer.parseInt(m.group(2));
                assertLoopbackOnly(awaitListening(own));

                second.type("agents()");
                second.press("Enter");
                second.await("0 connected, 0 pending, 0 other; hub tcp://127.0.0.1:" + own, 30);
                first.type("agents()");
                first.press("Enter");
                first.await("0 connected, 0 pending, 0 other; hub tcp://127.0.0.1:" + port, 30);
            }
        }
    }

    /** Every address listed is a loopback one ({@code 127.0.0.1:P}, or {@code [::ffff:127.0.0.1]:P} from an IPv6 socket). */
    private static void assertLoopbackOnly(List<String> addresses) {
        assertFalse(addresses.isEmpty(), "something listens");
        for (String a : addresses) {
            String host = a.substring(0, a.lastIndexOf(':')).replaceAll("^\\[|\\]$", "");
            boolean loopback;
            try {
                loopback = !host.equals("*") && InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                loopback = false;
            }
            assertTrue(loopback, "the hub listens on " + a + ", not on loopback only: " + addresses);
        }
    }

    /** The local addresses listening on {@code port}, once there is one (30 s at most). */
    private static List<String> awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> found = List.of();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            found = listening(port);
            if (found.isEmpty()) Thread.sleep(200);
        }
        return found;
    }

    private static List<String> listening(int port) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-ltnH", "sport = :" + port).redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (ss.waitFor() != 0) throw new IOException("ss failed: " + out);
        // columns: State Recv-Q Send-Q Local-Address:Port Peer-Address:Port
        return out.lines().map(l -> l.trim().split("\\s+")).filter(f -> f.length >= 4).map(f -> f[3]).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

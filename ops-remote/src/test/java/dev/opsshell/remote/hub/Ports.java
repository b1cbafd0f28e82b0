package dev.opsshell.remote.hub;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/** Free loopback ports from the range this module's tests may use (25500–25599). */
final class Ports {
    private static final AtomicInteger NEXT = new AtomicInteger(25500 + (int) (ProcessHandle.current().pid() % 50));

    private Ports() {
    }

    static int free() {
        for (int i = 0; i < 100; i++) {
            int port = 25500 + Math.floorMod(NEXT.getAndIncrement() - 25500, 100);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
                return port;
            } catch (IOException e) {
                // taken: try the next one
            }
        }
        throw new IllegalStateException("no free port in 25500-25599");
    }
}

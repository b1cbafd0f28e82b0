package dev.opsshell.shell;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Real {@code ops hub} processes through the launcher, each on a free loopback port, logging to a file of its own. */
final class HubProcesses implements AutoCloseable {
    private final Path home;
    private final Map<String, String> env;
    private final List<Process> hubs = new ArrayList<>();

    HubProcesses(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    Process start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(OpsProcess.LAUNCHER.toString(), "hub", "--port", Integer.toString(port),
                "--bind", "127.0.0.1").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("hub-" + hubs.size() + ".log").toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("OPS_INVENTORY");
        pb.environment().putAll(env);
        Process p = pb.start();
        hubs.add(p);
        return p;
    }

    /** SIGTERM (the shutdown hook stops the runner and the hub), then, if it hangs, SIGKILL. */
    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** Every hub's output so far, for assertion messages. */
    String logs() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < hubs.size(); i++) {
            try {
                s.append("--- hub ").append(i).append('\n').append(Files.readString(home.resolve("hub-" + i + ".log")));
            } catch (IOException e) {
                s.append(e);
            }
        }
        return s.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : hubs) stop(p);
    }
}

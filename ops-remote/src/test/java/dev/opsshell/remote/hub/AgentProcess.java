package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.CurveKeys;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real agent in its own JVM ({@code java -cp … dev.opsshell.agent.Main}), for integration tests.
 * Its output goes to {@code keyDir/agent.log}. {@link #close()} kills it.
 */
final class AgentProcess implements AutoCloseable {
    final String name;
    final Path keyDir;
    final Process process;

    private AgentProcess(String name, Path keyDir, Process process) {
        this.name = name;
        this.keyDir = keyDir;
        this.process = process;
    }

    /** The public key the agent in {@code keyDir} will use (created now if it has none). */
    static String keyOf(Path keyDir) {
        return CurveKeys.loadOrCreate(keyDir, "agent").publicKey();
    }

    static AgentProcess start(String hubEndpoint, String hubKey, String name, Path keyDir, String... extra)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss256k",
                "-cp", System.getProperty("java.class.path"), "dev.opsshell.agent.Main",
                "--hub", hubEndpoint, "--hub-key", hubKey, "--name", name, "--key-dir", keyDir.toString(),
                "--heartbeat", "1000"));
        cmd.addAll(List.of(extra));
        File log = keyDir.resolve("agent.log").toFile();
        keyDir.toFile().mkdirs();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        return new AgentProcess(name, keyDir, p);
    }

    /**
     * An agent running as another user ({@code runuser -u USER}), from the shaded
     * {@code ops-agent.jar} since that user cannot read the build's class path under /root. The key
     * directory is created here and handed to that user.
     */
    static AgentProcess startAs(String user, String hubEndpoint, String hubKey, String name, Path keyDir)
            throws IOException {
        keyOf(keyDir);
        try (var files = java.nio.file.Files.walk(keyDir)) {
            var owner = keyDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            for (Path p : files.toList()) java.nio.file.Files.setOwner(p, owner);
        }
        List<String> cmd = List.of("runuser", "-u", user, "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss256k", "-jar", agentJar().toString(),
                "--hub", hubEndpoint, "--hub-key", hubKey, "--name", name, "--key-dir", keyDir.toString(),
                "--heartbeat", "1000");
        File log = keyDir.resolve("agent.log").toFile();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        return new AgentProcess(name, keyDir, p);
    }

    private static Path agentJar() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path jar = p.resolve("ops-agent/target/ops-agent.jar");
            if (java.nio.file.Files.isRegularFile(jar)) return jar;
        }
        throw new IllegalStateException("ops-agent/target/ops-agent.jar not found: build it with mvn -pl ops-agent package");
    }

    /** Waits until the hub lists this agent as connected. */
    AgentProcess awaitConnected(AgentLink hub, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (hub.connected(name)) return this;
            if (!process.isAlive()) throw new IllegalStateException("agent " + name + " exited: " + log());
            Thread.sleep(20);
        }
        throw new IllegalStateException("agent " + name + " did not connect within " + limit + ": " + log());
    }

    String log() {
        try {
            return java.nio.file.Files.readString(keyDir.resolve("agent.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

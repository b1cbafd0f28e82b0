package dev.opsshell.remote.ssh;

import dev.opsshell.core.testing.Await;
import dev.opsshell.core.testing.Requirements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code ssh-agent} started for one test ({@code ssh-agent -D -a SOCK}), with
 * {@code ssh-add} to load keys into it; encrypted keys are unlocked through {@code SSH_ASKPASS},
 * as a desktop session does. Stopped, by its own pid, on close.
 */
final class SshAgentProcess implements AutoCloseable {
    private final Path dir;
    private final Path socket;
    private final Process process;

    private SshAgentProcess(Path dir, Path socket, Process process) {
        this.dir = dir;
        this.socket = socket;
        this.process = process;
    }

    static SshAgentProcess start(Path dir) {
        Requirements.require(Requirements.onPath("ssh-agent") && Requirements.onPath("ssh-add"),
                "the ssh-agent tests need OpenSSH's client tools: apt-get install -y openssh-client");
        Path socket = dir.resolve("agent.sock");
        try {
            Process p = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("ssh-agent.log").toFile()).start();
            SshAgentProcess agent = new SshAgentProcess(dir, socket, p);
            Await.until(Duration.ofSeconds(20), "ssh-agent to listen on " + socket, () -> Files.exists(socket) || !p.isAlive());
            if (!p.isAlive()) throw new IllegalStateException("ssh-agent exited: " + Files.readString(dir.resolve("ssh-agent.log")));
            return agent;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start ssh-agent: " + e.getMessage(), e);
        }
    }

    Path socket() {
        return socket;
    }

    /** {@code ssh-add KEY}, answering its passphrase question through SSH_ASKPASS. */
    void add(Path key, String passphrase) {
        try {
            Path secret = Files.writeString(dir.resolve("askpass.secret"), passphrase + "\n");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            Path askpass = dir.resolve("askpass.sh");
            Files.writeString(askpass, "#!/bin/sh\ncat '" + secret + "'\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
            sshAdd(Map.of("SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", ":0"),
                    key.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the askpass helper: " + e.getMessage(), e);
        }
    }

    /** {@code ssh-add KEY…} for keys without a passphrase, in order. */
    void add(Path... keys) {
        sshAdd(Map.of(), java.util.Arrays.stream(keys).map(Path::toString).toArray(String[]::new));
    }

    private String sshAdd(Map<String, String> env, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("ssh-add"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("SSH_AUTH_SOCK", socket.toString());
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ssh-add: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ssh-add", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}

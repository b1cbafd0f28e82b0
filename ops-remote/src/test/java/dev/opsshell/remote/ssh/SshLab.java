package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.transport.Settings;
import dev.opsshell.core.testing.Requirements;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit 5 extension that starts the loopback OpenSSH lab ({@code scripts/lab/sshd}) once per test
 * run and stops it when the run ends. Without root or sshd the tests are skipped with the reason on a
 * developer's machine and fail under {@code CI=true} ({@link Requirements}); {@code ./scripts/test}
 * provides both.
 * <pre>{@code
 * @ExtendWith(SshLab.class)
 * class SomethingIT { ... SshLab.lab().host("127.0.1.1") ... }
 * }</pre>
 */
public final class SshLab implements BeforeAllCallback {
    /** Port of the lab's sshd; {@code -Dops.lab.port=N} to change. */
    public static final int PORT = Integer.getInteger("ops.lab.port", 22201);
    private static volatile Lab lab;

    /** The running lab: its directory, keys, known_hosts and port. */
    public record Lab(Path dir, int port, Path script) implements ExtensionContext.Store.CloseableResource {
        public Path key() {
            return dir.resolve("id_ed25519");
        }

        public Path encryptedKey() {
            return dir.resolve("id_ed25519_enc");
        }

        /** An RSA key with the same passphrase as {@link #encryptedKey()}. */
        public Path encryptedRsaKey() {
            return dir.resolve("id_rsa_enc");
        }

        /** The passphrase of {@link #encryptedKey()} and {@link #encryptedRsaKey()}. */
        public String passphrase() {
            return read("id_ed25519_enc.passphrase");
        }

        public String opsuserPassword() {
            return read("opsuser.password");
        }

        public Path knownHosts() {
            return dir.resolve("known_hosts");
        }

        public Path hostPublicKey() {
            return dir.resolve("ssh_host_ed25519_key.pub");
        }

        /** A host named as its address, logging in as root with the lab key. */
        public Host host(String address) {
            return host(address, address, "root", Map.of());
        }

        public Host host(String name, String address, String user, Map<String, String> vars) {
            Map<String, String> v = new HashMap<>(vars);
            v.putIfAbsent("ansible_ssh_private_key_file", key().toString());
            return new Host(name, address, port, user, v, List.of("lab"));
        }

        /** Hosts 127.0.1.1 … 127.0.1.n. */
        public List<Host> hosts(int n) {
            List<Host> list = new ArrayList<>();
            for (int i = 1; i <= n; i++) list.add(host("127.0.1." + i));
            return list;
        }

        /** Settings that trust the lab's host key, with short timeouts for tests. */
        public Settings settings() {
            return Settings.defaults().withKnownHosts(knownHosts()).withConnectTimeout(Duration.ofSeconds(5))
                    .withCommandTimeout(Duration.ofSeconds(60));
        }

        public Session session() {
            return new Session(settings(), Inventory.localOnly(), System.out);
        }

        /** A transport that reads no ~/.ssh config and no default keys: only what the hosts say. */
        public SshTransport transport(Session session) {
            return new SshTransport(session, SshConfig.EMPTY, List.of());
        }

        private String read(String file) {
            try {
                return Files.readString(dir.resolve(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalStateException("lab file " + file + " missing in " + dir, e);
            }
        }

        @Override
        public void close() throws Exception {
            run(script, "stop", dir.toString());
        }
    }

    /** The lab started for this run; call from tests in a class extended with {@code SshLab}. */
    public static Lab lab() {
        if (lab == null) throw new IllegalStateException("annotate the test class with @ExtendWith(SshLab.class)");
        return lab;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Requirements.require(Requirements.isRoot(),
                "the SSH lab needs root (sshd logs users in); run ./scripts/test as root");
        Requirements.require(Requirements.onPath("/usr/sbin/sshd"),
                "the SSH lab needs OpenSSH's sshd: apt-get install -y openssh-server (./scripts/test does)");
        lab = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Lab.class, k -> start(), Lab.class);
    }

    private static Lab start() {
        Path script = findScript();
        Path dir = Path.of("target", "lab-sshd").toAbsolutePath();
        run(script, "start", dir.toString(), String.valueOf(PORT));
        return new Lab(dir, PORT, script);
    }

    private static Path findScript() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("scripts/lab/sshd");
            if (Files.isExecutable(s)) return s;
        }
        throw new IllegalStateException("scripts/lab/sshd not found above " + Path.of("").toAbsolutePath());
    }

    static String run(Path script, String... args) {
        List<String> cmd = new ArrayList<>(List.of(script.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd, e);
        }
    }
}

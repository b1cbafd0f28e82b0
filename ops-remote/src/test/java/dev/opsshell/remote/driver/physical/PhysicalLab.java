package dev.opsshell.remote.driver.physical;

import dev.opsshell.core.Session;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.testing.Requirements;
import dev.opsshell.core.transport.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One stand-in physical machine ({@link SleepingMachine}) with fresh keys in {@code dir}, a session
 * whose known_hosts trusts exactly its host key, and the driver on that session.
 */
final class PhysicalLab implements AutoCloseable {
    static final String MAC = "52:54:00:0a:0b:0c";

    final Path dir;
    final SleepingMachine machine;
    final Session session;
    final PhysicalDriver driver;

    PhysicalLab(Path dir) throws IOException, InterruptedException {
        Requirements.require(Requirements.onPath("ssh-keygen"), "ssh-keygen makes the test keys: apt-get install -y openssh-client");
        this.dir = dir;
        SleepingMachine.keys(dir);
        machine = new SleepingMachine(MAC, dir);
        Files.writeString(knownHosts(), machine.knownHostsLine(dir));
        session = new Session(Settings.defaults().withKnownHosts(knownHosts()).withConnectTimeout(Duration.ofSeconds(20)),
                Inventory.localOnly(), System.out);
        driver = new PhysicalDriver(() -> session);
    }

    Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** A record of the stand-in machine, with {@code extra} settings over the working ones. */
    Machine record(String id, Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of("mac", MAC, "broadcast", "127.0.0.1",
                "port", String.valueOf(machine.lanPort()), "address", "127.0.0.1",
                "ssh_port", String.valueOf(machine.sshPort()), "user", "root",
                "key", dir.resolve("client_key").toString(), "start_timeout", "60"));
        s.putAll(extra);
        return new Machine(id, "rack1", null, null, "debian", 4, 8192, List.of(), null, null, null,
                null, DriverSection.of("physical", s), null, null, null);
    }

    @Override
    public void close() {
        try {
            machine.close();
        } finally {
            session.close();
        }
    }
}

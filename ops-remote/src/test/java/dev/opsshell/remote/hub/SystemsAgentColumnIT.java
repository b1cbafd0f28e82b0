package dev.opsshell.remote.hub;

import dev.opsshell.core.Session;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.remote.SystemsOps;
import dev.opsshell.remote.fleet.SessionFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The systems table's agent column asks the session's hub: a real agent connected as a system's hostname shows ✔. */
class SystemsAgentColumnIT {
    @TempDir
    Path dir;

    private static Machine machine(String id, String hostname) {
        return new Machine(id, hostname, null, null, null, 1, 512, List.of(), null, "web", Set.of(), MachineState.RUNNING,
                DriverSection.of("kvm", Map.of("uri", "test:///default")), null, null, Instant.now());
    }

    private static String row(String table, String hostname) {
        return table.lines().filter(l -> l.contains(" " + hostname + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + hostname + " in\n" + table));
    }

    @Test
    void aSystemWhoseHostnameHasAConnectedAgentShowsATickAndTheOthersACross() throws Exception {
        try (HubFixture fx = new HubFixture(dir)) {
            Session.setCurrent(fx.session);
            SessionFleet.storeFlag(dir.resolve("ops.db").toString());
            try {
                fx.accepted("web-1");
                SessionFleet.current().store().insert(machine("aaaa111111", "web-1"));
                SessionFleet.current().store().insert(machine("bbbb222222", "web-2"));
                String table = SystemsOps.systems().toString();
                assertTrue(row(table, "web-1").endsWith("✔"), table);
                assertTrue(row(table, "web-2").endsWith("✗"), table);
            } finally {
                SessionFleet.storeFlag(null);
                Session.setCurrent(null);
            }
        }
    }
}

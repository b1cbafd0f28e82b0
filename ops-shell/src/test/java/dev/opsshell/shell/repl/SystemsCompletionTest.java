package dev.opsshell.shell.repl;

import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemsCompletionTest {
    @TempDir
    Path dir;

    private static Machine machine(String id) {
        return new Machine(id, "web-" + id.charAt(0), null, null, null, 1, 512, List.of(), null, "web", Set.of(),
                MachineState.RUNNING, DriverSection.of("kvm", Map.of()), null, null, Instant.now());
    }

    @Test
    void typeNamesInsideTypeStringsAndSystemIdsInsideSystemStringsFromTheStore() {
        try (Store store = JdbcStore.open(StoreLocation.sqlite(dir.resolve("ops.db")))) {
            store.save(Type.named("redis"));
            store.save(Type.named("web"));
            store.insert(machine("a1b2c3d4e5"));
            store.insert(machine("a1zzzzzzzz"));
            store.insert(machine("b9b9b9b9b9"));

            String line = "create(kvm(), small(), type(\"re";
            SystemsCompletion.Candidates c = SystemsCompletion.at(line, line.length(), () -> store).orElseThrow();
            assertEquals(List.of("redis"), c.values());
            assertEquals(line.length() - 2, c.anchor());
            assertEquals("types", c.group());

            line = "systems().typed(\"";
            assertEquals(List.of("redis", "web"), SystemsCompletion.at(line, line.length(), () -> store).orElseThrow().values());

            line = "system(\"a1";
            c = SystemsCompletion.at(line, line.length(), () -> store).orElseThrow();
            assertEquals(List.of("a1b2c3d4e5", "a1zzzzzzzz"), c.values().stream().sorted().toList());
            assertEquals("systems", c.group());
            line = "systems().id(\"b";
            assertEquals(List.of("b9b9b9b9b9"), SystemsCompletion.at(line, line.length(), () -> store).orElseThrow().values());
        }
    }

    @Test
    void outsideThoseStringsTheStoreIsNotAsked() {
        assertTrue(SystemsCompletion.at("systems().typed(\"web\").st", 26, () -> {
            throw new AssertionError("the store was opened");
        }).isEmpty());
        assertTrue(SystemsCompletion.at("Type.named(\"we", 14, () -> {
            throw new AssertionError("the store was opened");
        }).isEmpty());
    }
}

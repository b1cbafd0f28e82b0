package dev.opsshell.core.store;

import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.opsshell.core.store.StoreContract.machine;
import static dev.opsshell.core.store.StoreContract.runTogether;
import static dev.opsshell.core.store.StoreContract.transition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQLite's own hazards: concurrent writers, concurrent and repeated migrations, a file or directory that cannot be written. */
class SqliteStoreFaultsTest {
    @TempDir
    Path dir;

    @Test
    void eightThreadsOnTwoStoresWritingMachinesAndTransitionsAtOnceNeverGetSqliteBusy() throws Exception {
        StoreLocation at = StoreLocation.sqlite(dir.resolve("ops.db"));
        int perThread = 40;
        try (JdbcStore a = JdbcStore.open(at); JdbcStore b = JdbcStore.open(at)) {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Store s = t % 2 == 0 ? a : b;
                int thread = t;
                writers.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String id = "w" + thread + "x" + i;
                        Machine m = machine(id, "host-" + id).withState(MachineState.STOPPED);
                        s.insert(m);
                        // a read-then-write (claim) and a two-row write between other threads' writes
                        assertTrue(s.claim(id, "job-" + id));
                        s.update(m.withState(MachineState.RUNNING), transition(id, MachineState.STOPPED, MachineState.RUNNING, "job-" + id));
                        s.release(id, "job-" + id);
                    }
                    return perThread;
                });
            }
            runTogether(writers);
            assertEquals(8 * perThread, a.machines().size());
            assertEquals(8 * perThread, b.transitions().size());
            assertTrue(a.machines().stream().allMatch(m -> m.state() == MachineState.RUNNING));
        }
    }

    @Test
    void migrationsRunTwiceAreANoOp() {
        StoreLocation at = StoreLocation.sqlite(dir.resolve("ops.db"));
        try (JdbcStore store = JdbcStore.open(at)) {
            store.insert(machine("kept", "kept"));
            assertEquals(0, Migrations.migrate(at, store.dataSource()));
            assertEquals("kept", store.resolve("kept").hostname());
        }
        try (JdbcStore again = JdbcStore.open(at)) {
            assertEquals("kept", again.resolve("kept").hostname());
        }
    }

    @Test
    void aFreshFileGetsEveryMigration() {
        StoreLocation at = StoreLocation.sqlite(dir.resolve("fresh.db"));
        SqliteFiles.prepare(at.file());
        int carried = SchemaVersion.newestCarried(Dialect.SQLITE);
        assertTrue(carried >= 3, "V1, V2 and history's V3 at least: " + carried);
        DataSource ds = DataSources.open(at);
        assertFalse(SchemaVersion.current(Dialect.SQLITE, ds));
        assertEquals(carried, Migrations.migrate(at, ds));
        assertTrue(SchemaVersion.current(Dialect.SQLITE, ds), "a migrated store is current: the next open skips Flyway");
    }

    @Test
    void aStoreWithoutTheNewestMigrationOrWithAFailedStepIsNotCurrent() throws Exception {
        StoreLocation at = StoreLocation.sqlite(dir.resolve("behind.db"));
        SqliteFiles.prepare(at.file());
        DataSource ds = DataSources.open(at);
        Migrations.migrate(at, ds);
        int newest = SchemaVersion.newestCarried(Dialect.SQLITE);
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            st.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '1'");
            assertFalse(SchemaVersion.current(Dialect.SQLITE, ds), "a failed step: Flyway must look");
            st.execute("UPDATE flyway_schema_history SET success = 1 WHERE version = '1'");
            assertTrue(SchemaVersion.current(Dialect.SQLITE, ds));
            st.execute("DELETE FROM flyway_schema_history WHERE version = '" + newest + "'");
            assertFalse(SchemaVersion.current(Dialect.SQLITE, ds), "the newest step not applied: Flyway must apply it");
        }
    }

    @Test
    void fourStoresMigratingOneFreshFileAtOnceAllOpen() throws Exception {
        for (int round = 0; round < 5; round++) {
            StoreLocation at = StoreLocation.sqlite(dir.resolve("race-" + round + ".db"));
            List<Callable<JdbcStore>> openers = new ArrayList<>();
            for (int i = 0; i < 4; i++) openers.add(() -> JdbcStore.open(at));
            List<JdbcStore> opened = runTogether(openers);
            try {
                opened.get(0).insert(machine("m" + round, "m"));
                for (JdbcStore s : opened) assertEquals(1, s.machines().size());
                assertEquals(0, Migrations.migrate(at, opened.get(1).dataSource()));
            } finally {
                opened.forEach(JdbcStore::close);
            }
        }
    }

    @Test
    void theDefaultStoresDirectoryIsMadePrivate() {
        StoreLocation at = StoreLocation.resolve(null, java.util.Map.of(), dir);
        assertEquals(dir.resolve(".ops").resolve("ops.db"), at.file());
        try (JdbcStore store = JdbcStore.open(at)) {
            assertEquals("sqlite", store.dialect());
            assertEquals(at.file().toString(), store.where());
        }
        assertTrue(Files.isRegularFile(at.file()));
        assertEquals("rwx------", perms(dir.resolve(".ops")));
    }

    @Test
    void anUnwritableDirectoryIsNamedWithWhatToDo() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        StoreLocation at = StoreLocation.sqlite(locked.resolve("ops.db"));
        StoreException e;
        try (Unwritable ignored = new Unwritable(locked)) {
            e = assertThrows(StoreException.class, () -> JdbcStore.open(at));
        }
        assertTrue(e.getMessage().contains(locked.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("chmod u+w"), e.getMessage());
        assertTrue(e.getMessage().contains("--store or OPS_STORE"), e.getMessage());
    }

    @Test
    void anUnwritableStoreFileIsNamedWithWhatToDo() throws Exception {
        StoreLocation at = StoreLocation.sqlite(dir.resolve("ops.db"));
        JdbcStore.open(at).close();
        StoreException e;
        try (Unwritable ignored = new Unwritable(at.file())) {
            e = assertThrows(StoreException.class, () -> JdbcStore.open(at));
        }
        assertTrue(e.getMessage().contains(at.file().toString() + " cannot be written"), e.getMessage());
        assertTrue(e.getMessage().contains("--store or OPS_STORE"), e.getMessage());
    }

    @Test
    void aStoreFileMadeUnwritableWhileOpenKeepsTheOpenStoreAndRefusesTheNextOpen() throws Exception {
        // the open store keeps its one connection (as Unix keeps an open file): a job in flight
        // finishes and is recorded; the next shell is told which file and what to do
        StoreLocation at = StoreLocation.sqlite(dir.resolve("ops.db"));
        try (JdbcStore store = JdbcStore.open(at)) {
            try (Unwritable ignored = new Unwritable(at.file())) {
                store.insert(machine("late", "late"));
                assertTrue(store.machine("late").isPresent());
                StoreException e = assertThrows(StoreException.class, () -> JdbcStore.open(at));
                assertTrue(e.getMessage().contains(at.file().toString() + " cannot be written"), e.getMessage());
                assertTrue(e.getMessage().contains("--store or OPS_STORE"), e.getMessage());
            }
        }
    }

    @Test
    void sqlitesOwnReadOnlyErrorIsToldWithTheFileAndWhatToDo() throws Exception {
        // an open store keeps its open file writable, so SQLite's own refusal is fetched from a
        // read-only connection and told as a write of the store would tell it (wrapped, as the pool wraps it)
        StoreLocation at = StoreLocation.sqlite(dir.resolve("ops.db"));
        JdbcStore.open(at).close();
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        java.sql.SQLException refused;
        try (java.sql.Connection c = readOnly.createConnection(at.jdbcUrl()); java.sql.Statement st = c.createStatement()) {
            refused = assertThrows(java.sql.SQLException.class,
                    () -> st.executeUpdate("INSERT INTO system_claims VALUES ('s', 'j', 't')"));
        }
        StoreException e = StoreErrors.of(at, "adding system late", new RuntimeException("pool", refused));
        assertTrue(e.getMessage().startsWith("cannot write the store " + at.file() + " ("), e.getMessage());
        assertTrue(e.getMessage().contains("while adding system late"), e.getMessage());
        assertTrue(e.getMessage().contains("chmod u+w " + at.file() + " " + dir), e.getMessage());
        assertTrue(e.getMessage().contains("--store or OPS_STORE"), e.getMessage());
    }

    @Test
    void aStorePathThroughAPlainFileSaysItCannotMakeTheDirectory() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "not a directory");
        StoreException e = assertThrows(StoreException.class,
                () -> JdbcStore.open(StoreLocation.sqlite(plain.resolve("sub").resolve("ops.db"))));
        assertTrue(e.getMessage().contains("cannot be created"), e.getMessage());
        assertTrue(e.getMessage().contains(plain.resolve("sub").toString()), e.getMessage());
    }

    @Test
    void aDirectoryGivenAsTheStoreIsRefused() {
        StoreException e = assertThrows(StoreException.class, () -> JdbcStore.open(StoreLocation.sqlite(dir)));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    private static String perms(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}

package dev.opsshell.core.store;

import dev.opsshell.core.testing.PostgresLab;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on a real PostgreSQL (scripts/lab/postgres), a fresh database per test. */
class PostgresStoreIT extends StoreContract {
    private String url;

    @Override
    protected Store openFresh() {
        url = PostgresLab.freshDatabase(getClass());
        return JdbcStore.open(StoreLocation.postgresql(url));
    }

    @Override
    protected Store openSecond() {
        return JdbcStore.open(StoreLocation.postgresql(url));
    }

    @Test
    void whereNamesTheDatabaseWithoutUserOrPassword() {
        String password = PostgresLab.cluster().password();
        assertTrue(url.contains(password));
        assertEquals("postgresql", store.dialect());
        assertEquals(url.substring(0, url.indexOf('?')), store.where());
        assertFalse(store.where().contains(password));
        assertFalse(store.toString().contains(password));
    }

    @Test
    void migrationsRunTwiceAreANoOp() {
        store.insert(machine("kept", "kept"));
        assertEquals(0, Migrations.migrate(StoreLocation.postgresql(url), store.dataSource()));
        assertEquals("kept", store.resolve("kept").hostname());
    }

    @Test
    void fourStoresMigratingOneFreshDatabaseAtOnceAllOpen() throws Exception {
        for (int round = 0; round < 3; round++) {
            StoreLocation at = StoreLocation.postgresql(PostgresLab.freshDatabase(getClass()));
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
    void thePasswordMayComeBeforeTheHostFromPgpasswordOrFromPgpass(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        String password = PostgresLab.cluster().password();
        String bare = url.substring(0, url.indexOf('?'));
        try (JdbcStore s = JdbcStore.open(StoreLocation.postgresql(bare.replace("//", "//ops:" + password + "@")))) {
            assertEquals(0, s.machines().size());
        }
        try (JdbcStore s = JdbcStore.open(StoreLocation.postgresql(bare + "?user=ops"), java.util.Map.of("PGPASSWORD", password))) {
            assertEquals(0, s.machines().size());
        }
        java.nio.file.Path pgpass = java.nio.file.Files.writeString(tmp.resolve("pgpass"), "127.0.0.1:*:*:ops:" + password + "\n");
        java.nio.file.Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try (JdbcStore s = JdbcStore.open(StoreLocation.postgresql(bare + "?user=ops"), java.util.Map.of())) {
            assertEquals(0, s.machines().size());
        } finally {
            System.clearProperty("org.postgresql.pgpassfile");
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() {
        String wrong = url.replace("password=" + PostgresLab.cluster().password(), "password=not-the-Pa55word");
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                () -> JdbcStore.open(StoreLocation.postgresql(wrong)));
        assertTrue(e.getMessage().startsWith("PostgreSQL at 127.0.0.1:" + PostgresLab.PORT + " refused the login"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) assertFalse(t.toString().contains("not-the-Pa55word"), t.toString());
    }
}

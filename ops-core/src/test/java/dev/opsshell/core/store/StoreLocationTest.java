package dev.opsshell.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the store is (flag, OPS_STORE, ~/.ops/config, ~/.ops/ops.db) and how it is shown: never with a password. */
class StoreLocationTest {
    @TempDir
    Path home;

    private static final String PG = "jdbc:postgresql://db.example:5433/ops?user=opsuser&password=s3cr%3Dt&ssl=true";

    @Test
    void theFlagWinsOverTheEnvironmentAndTheConfig() throws Exception {
        config("store=" + home.resolve("from-config.db"));
        StoreLocation at = StoreLocation.resolve("~/flag.db", Map.of("OPS_STORE", "/env.db"), home);
        assertEquals(home.resolve("flag.db"), at.file());
        assertEquals(Dialect.SQLITE, at.dialect());
    }

    @Test
    void theEnvironmentWinsOverTheConfig() throws Exception {
        config("store=" + home.resolve("from-config.db"));
        assertEquals(Path.of("/srv/ops/env.db"), StoreLocation.resolve(" ", Map.of("OPS_STORE", "jdbc:sqlite:/srv/ops/env.db"), home).file());
    }

    @Test
    void theConfigWinsOverTheDefault() throws Exception {
        config("# the team's store\nstore = " + PG + "\n");
        StoreLocation at = StoreLocation.resolve(null, Map.of(), home);
        assertEquals(Dialect.POSTGRESQL, at.dialect());
        assertEquals(PG, at.jdbcUrl());
    }

    @Test
    void withNothingSetTheStoreIsOpsDbInDotOps() {
        StoreLocation at = StoreLocation.resolve(null, Map.of("OPS_STORE", ""), home);
        assertEquals(home.resolve(".ops/ops.db"), at.file());
        assertEquals("jdbc:sqlite:" + home.resolve(".ops/ops.db"), at.jdbcUrl());
    }

    @Test
    void whereAndToStringNeverShowAUserOrPassword() {
        StoreLocation at = StoreLocation.parse(PG, home, "--store");
        assertEquals("jdbc:postgresql://db.example:5433/ops?ssl=true", at.where());
        assertEquals("postgresql jdbc:postgresql://db.example:5433/ops?ssl=true", at.toString());
        assertEquals("db.example:5433", at.server());
        StoreLocation userinfo = StoreLocation.parse("jdbc:postgresql://ops:hunter2@10.0.0.5/ops", home, "--store");
        assertEquals("jdbc:postgresql://10.0.0.5/ops", userinfo.where());
        // pgjdbc reads no user:password@ before the host: they are handed over as parameters
        assertEquals("jdbc:postgresql://10.0.0.5/ops?user=ops&password=hunter2", userinfo.jdbcUrl());
        assertFalse(userinfo.redact("login as ops:hunter2@10.0.0.5 failed").contains("hunter2"));
        assertEquals("10.0.0.5:5432", userinfo.server());
        assertFalse(userinfo.toString().contains("hunter2"));
    }

    @Test
    void anyTextNamingThePasswordIsRedacted() {
        StoreLocation at = StoreLocation.parse(PG, home, "--store");
        String redacted = at.redact("connecting to " + PG + " with s3cr=t (s3cr%3Dt) failed");
        assertFalse(redacted.contains("s3cr"), redacted);
        assertTrue(redacted.contains("jdbc:postgresql://db.example:5433/ops?ssl=true"), redacted);
    }

    @Test
    void aStoreThatIsNeitherSqliteNorPostgresqlIsRefusedWithoutItsPassword() {
        StoreException e = assertThrows(StoreException.class,
                () -> StoreLocation.resolve("jdbc:mysql://db/ops?user=u&password=pw123", Map.of(), home));
        assertTrue(e.getMessage().contains("neither SQLite nor PostgreSQL"), e.getMessage());
        assertTrue(e.getMessage().contains("--store"), e.getMessage());
        assertFalse(e.getMessage().contains("pw123"), e.getMessage());
    }

    @Test
    void anInMemoryDatabaseIsRefusedBecauseNothingWouldOutliveTheShell() {
        StoreException e = assertThrows(StoreException.class,
                () -> StoreLocation.resolve(null, Map.of("OPS_STORE", "jdbc:sqlite::memory:"), home));
        assertTrue(e.getMessage().contains("(from OPS_STORE)"), e.getMessage());
    }

    @Test
    void aPostgresqlThatDoesNotAnswerIsNamedByHostAndPortWithoutThePassword() {
        // port 1 on loopback: nothing listens, the connection is refused at once
        StoreLocation at = StoreLocation.postgresql("jdbc:postgresql://127.0.0.1:1/ops?user=ops&password=hunter2");
        StoreException e = assertThrows(StoreException.class, () -> JdbcStore.open(at));
        assertTrue(e.getMessage().startsWith("PostgreSQL at 127.0.0.1:1 does not answer"), e.getMessage());
        assertTrue(e.getMessage().contains("--store or OPS_STORE"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("hunter2"), t.toString());
            assertFalse(t.toString().contains("hunter2"), t.toString());
        }
    }

    private void config(String text) throws Exception {
        Files.createDirectories(home.resolve(".ops"));
        Files.writeString(home.resolve(".ops/config"), text);
    }
}

package dev.opsshell.core.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The store contract on an SQLite file. */
class SqliteStoreTest extends StoreContract {
    @TempDir
    Path dir;
    private Path file;
    private int made;

    @Override
    protected Store openFresh() {
        file = dir.resolve("store-" + (++made)).resolve("ops.db");
        return JdbcStore.open(StoreLocation.sqlite(file));
    }

    @Override
    protected Store openSecond() {
        return JdbcStore.open(StoreLocation.sqlite(file));
    }
}

package dev.opsshell.core.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The history contract on an SQLite file. */
class SqliteHistoryTest extends HistoryContract {
    @TempDir
    Path dir;

    @Override
    protected Store openFresh() {
        return JdbcStore.open(StoreLocation.sqlite(dir.resolve("ops.db")));
    }
}

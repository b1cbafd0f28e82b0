package dev.opsshell.core.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The metric store contract on an SQLite file. */
class SqliteMetricStoreTest extends MetricStoreContract {
    private final AtomicInteger files = new AtomicInteger();
    @TempDir
    Path dir;

    @Override
    protected StoreLocation freshLocation() {
        return StoreLocation.sqlite(dir.resolve("ops-" + files.incrementAndGet() + ".db"));
    }
}

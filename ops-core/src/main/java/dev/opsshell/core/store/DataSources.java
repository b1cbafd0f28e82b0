package dev.opsshell.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.util.Map;

/**
 * The connections to a store. SQLite: a new connection per use (opening a local file is cheap)
 * configured by sqlite-jdbc rather than by PRAGMAs in migrations: WAL so readers never block the
 * writer, a 10 s busy timeout so concurrent writers wait instead of failing with SQLITE_BUSY, and
 * IMMEDIATE transactions so a read-then-write takes the write lock up front (a deferred one that
 * upgrades late fails at once, whatever the timeout). PostgreSQL: a HikariCP pool, shared by the
 * store, the job workers and db-scheduler's polling.
 */
final class DataSources {
    static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

    private DataSources() {
    }

    static DataSource open(StoreLocation at) {
        return open(at, System.getenv());
    }

    static DataSource open(StoreLocation at, Map<String, String> env) {
        return at.dialect() == Dialect.SQLITE ? sqlite(at) : postgresql(at, env);
    }

    private static DataSource sqlite(StoreLocation at) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // WAL with NORMAL: a commit is not fsynced, the checkpoint is; a killed process loses
        // nothing, a power cut may lose the last commits but never corrupts (SQLite's own advice for WAL)
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(at.jdbcUrl());
        return ds;
    }

    private static DataSource postgresql(StoreLocation at, Map<String, String> env) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ops-store");
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(at.jdbcUrl());
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(15_000);
        // the driver's own connect timeout, so a server that never answers fails within the pool's wait
        config.addDataSourceProperty("connectTimeout", "10");
        config.addDataSourceProperty("ApplicationName", "ops");
        // pgjdbc reads ~/.pgpass itself but not libpq's PGPASSWORD; a password in the URL wins
        String pgpassword = env.get("PGPASSWORD");
        if (!JdbcUrls.hasPassword(at.jdbcUrl()) && pgpassword != null && !pgpassword.isEmpty()) config.setPassword(pgpassword);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw StoreErrors.of(at, "connecting", e);
        }
    }

    /**
     * The connections a migrated SQLite store is used through: one connection, kept open, handed
     * to one thread at a time. SQLite has one writer anyway; queueing in the pool costs
     * microseconds, where eight job workers and db-scheduler's poller meeting in SQLite's busy
     * handler slept for tens of milliseconds each (it backs off by sleeping), and opening a
     * connection per call cost more than the call. Another process on the same file still waits
     * through the busy timeout. PostgreSQL's pool is returned as it is.
     */
    static DataSource forUse(StoreLocation at, DataSource migrated) {
        if (at.dialect() != Dialect.SQLITE) return migrated;
        HikariConfig config = new HikariConfig();
        config.setPoolName("ops-store-sqlite");
        config.setDataSource(migrated);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(SQLITE_BUSY_TIMEOUT_MS * 3L);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw StoreErrors.of(at, "opening", e);
        }
    }

    static void close(DataSource ds) {
        if (ds instanceof HikariDataSource h) h.close();
    }
}

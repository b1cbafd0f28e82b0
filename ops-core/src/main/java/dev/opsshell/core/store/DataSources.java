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

    static void close(DataSource ds) {
        if (ds instanceof HikariDataSource h) h.close();
    }
}

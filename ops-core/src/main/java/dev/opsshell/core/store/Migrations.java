package dev.opsshell.core.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;

/**
 * Brings a store's schema to this version of ops with Flyway (the per-dialect scripts under
 * {@code dev/opsshell/core/store/migration/}); a store already up to date is left alone. Two shells
 * migrating one fresh database at once are safe: Flyway reads the history and applies a step in
 * one transaction, which holds PostgreSQL's advisory lock, and on SQLite is IMMEDIATE (see
 * {@link DataSources}), so the second waits and then finds the step done.
 */
final class Migrations {
    private Migrations() {
    }

    /** Returns how many migrations this call applied. */
    static int migrate(StoreLocation at, DataSource ds) {
        if (SchemaVersion.current(at.dialect(), ds)) return 0; // nothing to do: Flyway not even loaded
        try {
            return Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(ds)
                    .locations(at.dialect().migrations())
                    .failOnMissingLocations(true)
                    // through slf4j (silent in the shell), not java.util.logging printing behind the prompt
                    .loggers("slf4j")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw StoreErrors.of(at, "bringing its schema up to date", e);
        }
    }
}

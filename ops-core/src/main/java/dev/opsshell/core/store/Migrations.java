package dev.opsshell.core.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;

/**
 * Brings a store's schema to this version of ops with Flyway (the per-dialect scripts under
 * {@code dev/opsshell/core/store/migration/}); a store already up to date is left alone.
 * PostgreSQL serialises concurrent migrations with Flyway's advisory lock; SQLite has no such lock,
 * so a second shell migrating the same fresh file at once can lose the race on a step (its
 * transaction rolls back whole, SQLite's DDL being transactional): it then reads the history again
 * and finds the step done.
 */
final class Migrations {
    private Migrations() {
    }

    /** Returns how many migrations this call applied. */
    static int migrate(StoreLocation at, DataSource ds) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(ds)
                .locations(at.dialect().migrations())
                .failOnMissingLocations(true)
                // through slf4j (silent in the shell), not java.util.logging printing behind the prompt
                .loggers("slf4j")
                .load();
        while (true) {
            int appliedBefore = applied(at, flyway);
            try {
                return flyway.migrate().migrationsExecuted;
            } catch (FlywayException e) {
                // retry only when someone (another shell) moved the schema on meanwhile; a broken
                // step or an unwritable store fails the same way again and is reported now
                if (applied(at, flyway) <= appliedBefore) throw StoreErrors.of(at, "bringing its schema up to date", e);
            }
        }
    }

    private static int applied(StoreLocation at, Flyway flyway) {
        try {
            return flyway.info().applied().length;
        } catch (FlywayException e) {
            throw StoreErrors.of(at, "reading its schema history", e);
        }
    }
}

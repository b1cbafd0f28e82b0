package dev.opsshell.core.store;

import dev.opsshell.core.testing.PostgresLab;

/** The history contract on a real PostgreSQL (scripts/lab/postgres), a fresh database per test. */
class PostgresHistoryIT extends HistoryContract {
    @Override
    protected Store openFresh() {
        return JdbcStore.open(StoreLocation.postgresql(PostgresLab.freshDatabase(getClass())));
    }
}

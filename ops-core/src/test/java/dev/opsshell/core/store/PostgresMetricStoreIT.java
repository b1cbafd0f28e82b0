package dev.opsshell.core.store;

import dev.opsshell.core.testing.PostgresLab;

/** The metric store contract on a real PostgreSQL (scripts/lab/postgres), a fresh database per test. */
class PostgresMetricStoreIT extends MetricStoreContract {
    @Override
    protected Store openFresh() {
        return JdbcStore.open(StoreLocation.postgresql(PostgresLab.freshDatabase(getClass())));
    }
}

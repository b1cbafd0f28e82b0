package dev.opsshell.core.store;

import dev.opsshell.core.testing.PostgresLab;

/** The metric store contract on a real PostgreSQL (scripts/lab/postgres), a fresh database per call. */
class PostgresMetricStoreIT extends MetricStoreContract {
    @Override
    protected StoreLocation freshLocation() {
        return StoreLocation.postgresql(PostgresLab.freshDatabase(getClass()));
    }
}

-- Stored schedules (ops' schema version 5): registered from shells and `ops schedule add`, run by
-- `ops hub`. A run is claimed by moving next_run on with a compare-and-set on (generation, next_run),
-- so of several hubs on one database exactly one acts on each due time; lease_holder/lease_until mark
-- a run going (renewed while it runs). Instants are UTC text with nine fraction digits; args is a
-- JSON array. Same tables as sqlite/V5.

CREATE TABLE schedules (
    name          TEXT PRIMARY KEY,
    when_kind     TEXT NOT NULL,
    when_text     TEXT NOT NULL,
    action_kind   TEXT NOT NULL,
    action_args   TEXT NOT NULL,
    generation    BIGINT NOT NULL,
    created       TEXT NOT NULL,
    next_run      TEXT NOT NULL,
    last_run      TEXT,
    last_ok       INTEGER,
    last_outcome  TEXT,
    last_finished TEXT,
    runs          BIGINT NOT NULL,
    skipped       BIGINT NOT NULL,
    lease_holder  TEXT,
    lease_until   TEXT
);

-- the hubs running schedules on this store, so a shell can say when none is
CREATE TABLE schedule_runners (
    id          TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    seen        TEXT NOT NULL
);

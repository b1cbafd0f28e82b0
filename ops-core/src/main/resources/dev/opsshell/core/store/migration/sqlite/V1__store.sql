-- The store's own tables (ops' schema version 1). Instants are UTC text with nine fraction digits;
-- lists and maps are JSON text. No column ever holds a secret. Same tables as postgresql/V1.

CREATE TABLE machines (
    id              TEXT PRIMARY KEY,
    hostname        TEXT NOT NULL,
    domain          TEXT,
    username        TEXT,
    os              TEXT,
    cpu             INTEGER NOT NULL,
    ram_mb          INTEGER NOT NULL,
    volumes         TEXT NOT NULL,
    ip              TEXT,
    type            TEXT,
    tags            TEXT NOT NULL,
    state           TEXT NOT NULL,
    driver_kind     TEXT NOT NULL,
    driver_settings TEXT NOT NULL,
    ref             TEXT,
    error           TEXT,
    created         TEXT NOT NULL
);

CREATE TABLE types (
    name        TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    plan        TEXT NOT NULL,
    username    TEXT,
    key_path    TEXT
);

CREATE TABLE jobs (
    id        TEXT PRIMARY KEY,
    batch     TEXT,
    kind      TEXT NOT NULL,
    system_id TEXT,
    status    TEXT NOT NULL,
    args      TEXT NOT NULL,
    owner     TEXT,
    driver    TEXT,
    created   TEXT,
    started   TEXT,
    finished  TEXT,
    error     TEXT
);
CREATE INDEX jobs_batch_idx ON jobs (batch);
CREATE INDEX jobs_status_idx ON jobs (status);
CREATE INDEX jobs_created_idx ON jobs (created);

CREATE TABLE transitions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    system_id   TEXT NOT NULL,
    from_state  TEXT,
    to_state    TEXT NOT NULL,
    job_id      TEXT,
    kind        TEXT,
    driver      TEXT,
    cause       TEXT,
    start       TEXT NOT NULL,
    duration_ms INTEGER NOT NULL,
    error       TEXT
);
CREATE INDEX transitions_system_idx ON transitions (system_id);

-- one job per system at a time, across every shell on this database: claim() is an INSERT that
-- does nothing on conflict
CREATE TABLE system_claims (
    system_id  TEXT PRIMARY KEY,
    job_id     TEXT NOT NULL,
    claimed_at TEXT NOT NULL
);

-- Run history (ops' schema version 3): one row per run, one per host of it. Instants are UTC text
-- with nine fraction digits; text is masked before it gets here (no secret is ever stored) and each
-- stream of a host's output is cut at 16 KiB. Same tables as postgresql/V3.

CREATE TABLE runs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    started       TEXT NOT NULL,
    finished      TEXT NOT NULL,
    who           TEXT NOT NULL,
    source_kind   TEXT NOT NULL,
    source_detail TEXT NOT NULL,
    operation     TEXT NOT NULL,
    target        TEXT NOT NULL,
    via           TEXT NOT NULL,
    transport     TEXT NOT NULL,
    exit_code     INTEGER NOT NULL,
    hosts         INTEGER NOT NULL,
    failed        INTEGER NOT NULL,
    duration_ms   INTEGER NOT NULL,
    recipe        TEXT
);
CREATE INDEX runs_finished_idx ON runs (finished);

CREATE TABLE run_hosts (
    run_id      INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    host        TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    exit_code   INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    transport   TEXT NOT NULL,
    stdout      TEXT NOT NULL,
    stderr      TEXT NOT NULL,
    truncated   INTEGER NOT NULL,
    message     TEXT NOT NULL,
    PRIMARY KEY (run_id, position)
);
CREATE INDEX run_hosts_host_idx ON run_hosts (host, run_id);

-- small facts about history itself: last_purge (when retention last ran, by any shell)
CREATE TABLE history_meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

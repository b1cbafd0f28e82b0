-- Samples keyed by series (ops' schema version 6). Each (host, metric, field, label) gets an
-- integer id in `series`; `samples` is keyed on (series_id, at_ms) as a WITHOUT ROWID table, so
-- the key is the table and no wide index on four text columns is kept beside it: V4's
-- samples_series index was most of a round's store cost and grew with the history. Retention
-- deletes through that key per series, so the at_ms index goes too. Rows of V4/V5 move over; of
-- two samples of one series at the same millisecond, the later row is kept. Same tables as
-- postgresql/V6.

ALTER TABLE samples RENAME TO samples_v5;
ALTER TABLE samples_latest RENAME TO samples_latest_v5;

CREATE TABLE series (
    id     INTEGER PRIMARY KEY,
    host   TEXT    NOT NULL,
    metric TEXT    NOT NULL,
    field  TEXT    NOT NULL,
    label  TEXT    NOT NULL,
    UNIQUE (metric, host, field, label)
);

CREATE TABLE samples (
    series_id INTEGER NOT NULL REFERENCES series (id),
    at_ms     INTEGER NOT NULL,
    value     REAL    NOT NULL,
    PRIMARY KEY (series_id, at_ms)
) WITHOUT ROWID;

CREATE TABLE samples_latest (
    series_id INTEGER PRIMARY KEY REFERENCES series (id),
    at_ms     INTEGER NOT NULL,
    value     REAL    NOT NULL
);

INSERT INTO series (host, metric, field, label)
    SELECT host, metric, field, label FROM samples_v5
    UNION SELECT host, metric, field, label FROM samples_latest_v5
    ORDER BY metric, host, field, label;

INSERT OR REPLACE INTO samples (series_id, at_ms, value)
    SELECT r.id, s.at_ms, s.value FROM samples_v5 s
    JOIN series r ON r.metric = s.metric AND r.host = s.host AND r.field = s.field AND r.label = s.label
    ORDER BY s.rowid;

INSERT INTO samples_latest (series_id, at_ms, value)
    SELECT r.id, l.at_ms, l.value FROM samples_latest_v5 l
    JOIN series r ON r.metric = l.metric AND r.host = l.host AND r.field = l.field AND r.label = l.label;

DROP TABLE samples_v5;
DROP TABLE samples_latest_v5;

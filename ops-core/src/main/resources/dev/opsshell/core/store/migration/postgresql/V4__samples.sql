-- Metrics over time (ops' schema version 4): every sample, and the newest per series. Times are
-- epoch milliseconds (a series has many rows: an integer index is small). Same tables as sqlite/V4.

CREATE TABLE samples (
    host   TEXT             NOT NULL,
    metric TEXT             NOT NULL,
    field  TEXT             NOT NULL,
    label  TEXT             NOT NULL,
    at_ms  BIGINT           NOT NULL,
    value  DOUBLE PRECISION NOT NULL
);
CREATE INDEX samples_series ON samples (metric, host, field, label, at_ms);
CREATE INDEX samples_at ON samples (at_ms);

CREATE TABLE samples_latest (
    host   TEXT             NOT NULL,
    metric TEXT             NOT NULL,
    field  TEXT             NOT NULL,
    label  TEXT             NOT NULL,
    at_ms  BIGINT           NOT NULL,
    value  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (host, metric, field, label)
);

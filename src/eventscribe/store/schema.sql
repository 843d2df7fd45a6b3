-- eventscribe store, schema version 1. Applied by migrations.py; later versions are new
-- migrations appended there, never edits to this file.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    config_hash TEXT,
    config_json TEXT,
    counts_json TEXT
);

-- One row per document; id is the content hash of the normalised text.
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    text        TEXT NOT NULL,
    lang        TEXT NOT NULL DEFAULT 'en',
    url         TEXT,
    title       TEXT,
    outlet      TEXT,
    external_id TEXT,
    path        TEXT,
    raw_sha256  TEXT,
    extractor   TEXT,
    published   TEXT,            -- ISO date
    ingested_at TEXT NOT NULL,   -- ISO date-time, UTC
    config_hash TEXT,            -- hash of the pipeline config that produced its events
    run_id      INTEGER REFERENCES runs(id),
    notes_json  TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_url ON documents(url);

-- One row per event: the full Event.to_dict() JSON plus indexed columns for queries.
CREATE TABLE events (
    id                   TEXT PRIMARY KEY,
    doc_id               TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    json                 TEXT NOT NULL,
    acled_event_type     TEXT NOT NULL,
    acled_sub_event_type TEXT NOT NULL,
    plover_category      TEXT NOT NULL,
    plover_mode          TEXT,
    date_start           TEXT,
    date_end             TEXT,
    date_precision       TEXT,
    lat                  REAL,
    lon                  REAL,
    country_code         TEXT,
    place_name           TEXT,
    geonameid            INTEGER,
    place_precision      INTEGER,
    killed_best          INTEGER,
    confidence           REAL NOT NULL
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_type ON events(acled_event_type, acled_sub_event_type);
CREATE INDEX events_plover ON events(plover_category, plover_mode);
CREATE INDEX events_date ON events(date_start, date_end);
CREATE INDEX events_country ON events(country_code);
CREATE INDEX events_geonameid ON events(geonameid);

-- Count claims (killed/injured/arrested/abducted), one row per source statement.
CREATE TABLE claims (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id       TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    value          INTEGER NOT NULL,
    high           INTEGER,
    qualifier      TEXT NOT NULL,
    attributed_to  TEXT NOT NULL,
    counted_group  TEXT,
    evidence_start INTEGER,       -- first evidence span
    evidence_end   INTEGER,
    evidence_json  TEXT NOT NULL, -- all evidence spans [{start, end, text}]
    stage          TEXT NOT NULL,
    reason         TEXT NOT NULL
);
CREATE INDEX claims_event ON claims(event_id);
CREATE INDEX claims_kind ON claims(kind);

-- Every evidence span of every event, by field (trigger, event, actor, target, place, date,
-- count.<kind>, count.<kind>.source).
CREATE TABLE evidence (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    field      TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX evidence_event ON evidence(event_id);

-- Per-input and per-document failures; one row per (input, code, message), refreshed on rerun.
CREATE TABLE errors (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_key TEXT NOT NULL,   -- path, path:line, or document id
    code    TEXT NOT NULL,
    message TEXT NOT NULL,
    at      TEXT NOT NULL,
    run_id  INTEGER REFERENCES runs(id),
    UNIQUE (doc_key, code, message)
);
CREATE INDEX errors_code ON errors(code);

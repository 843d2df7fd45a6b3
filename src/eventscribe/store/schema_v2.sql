-- eventscribe store, schema version 2: cross-report deduplication (docs/dedup.md).
-- Applied by migrations.py after schema.sql (version 1).

-- One row per merged event (a cluster of report events); json is the reconciled record.
CREATE TABLE merged_events (
    id                   TEXT PRIMARY KEY,       -- mev_<smallest member event id>
    json                 TEXT NOT NULL,
    n_reports            INTEGER NOT NULL,
    acled_event_type     TEXT,
    acled_sub_event_type TEXT,
    date_start           TEXT,
    date_end             TEXT,
    country_code         TEXT,
    place_name           TEXT,
    killed_best          INTEGER,
    updated_at           TEXT NOT NULL
);
CREATE INDEX merged_events_date ON merged_events(date_start, date_end);

-- Which merged event each report event belongs to, and its merge-candidate component
-- (the unit re-clustered when new reports arrive). An event without a row is pending.
CREATE TABLE event_clusters (
    event_id  TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    merged_id TEXT NOT NULL,
    component TEXT NOT NULL
);
CREATE INDEX event_clusters_merged ON event_clusters(merged_id);
CREATE INDEX event_clusters_component ON event_clusters(component);

-- Why events were merged: one row per link that joined two clusters.
CREATE TABLE merge_reasons (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    merged_id TEXT NOT NULL,
    event_a   TEXT NOT NULL,
    event_b   TEXT NOT NULL,
    score     REAL NOT NULL,
    reason    TEXT NOT NULL,
    by        TEXT NOT NULL CHECK (by IN ('auto', 'manual'))
);
CREATE INDEX merge_reasons_merged ON merge_reasons(merged_id);

-- Blocking keys of every clustered event (dedup.block_keys), to find candidates quickly.
CREATE TABLE dedup_keys (
    key        TEXT NOT NULL,
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    is_primary INTEGER NOT NULL,
    PRIMARY KEY (key, event_id)
) WITHOUT ROWID;
CREATE INDEX dedup_keys_event ON dedup_keys(event_id);

-- Manual merge/split decisions, append-only; later runs respect the latest per pair.
CREATE TABLE dedup_audit (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    action  TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    event_a TEXT NOT NULL,
    event_b TEXT NOT NULL,
    note    TEXT,
    actor   TEXT
);
CREATE INDEX dedup_audit_a ON dedup_audit(event_a);
CREATE INDEX dedup_audit_b ON dedup_audit(event_b);

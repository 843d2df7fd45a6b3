"""SQLite store: documents, events, claims, evidence, errors and runs (schema.sql)."""

from eventscribe.store.migrations import SCHEMA_VERSION
from eventscribe.store.sqlite import Store, event_spans

__all__ = ["SCHEMA_VERSION", "Store", "event_spans"]

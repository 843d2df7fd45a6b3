"""The SQLite store: one writer, concurrent readers (WAL), one transaction per document."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from eventscribe.errors import EventscribeError
from eventscribe.model import Doc, Event, Source, Span, summarise
from eventscribe.store.migrations import (
    check_file,
    check_version,
    current_version,
    migrate,
    quick_check,
)

TABLES = ("documents", "events", "claims", "evidence", "errors", "runs")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def event_spans(event: Event) -> list[tuple[str, Span]]:
    """Every evidence span of an event with the field it supports."""
    out: list[tuple[str, Span]] = [("trigger", event.trigger)]
    out += [("event", s) for s in event.evidence]
    out += [("actor", a.span) for a in event.actors]
    out += [("target", t.span) for t in event.targets]
    out += [(f"argument.{a.role}", a.span) for a in event.arguments]
    if event.place is not None:
        out += [("place", s) for s in event.place.provenance.evidence]
    if event.date is not None:
        out += [("date", s) for s in event.date.provenance.evidence]
    for c in event.claims:
        out += [(f"count.{c.kind}", s) for s in c.evidence]
        if c.attribution_evidence is not None:
            out.append((f"count.{c.kind}.source", c.attribution_evidence))
    return out


class Store:
    """An eventscribe SQLite database.

    Opening checks the file (E032 for a non-SQLite or corrupted file, never overwritten),
    the schema version (E031 when newer than this code) and applies pending migrations.
    Use one writing ``Store`` per database; any number of ``Store(path, readonly=True)``
    readers can run beside it.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        readonly: bool = False,
        clock: Callable[[], datetime] = _utc_now,
        timeout: float = 30.0,
    ) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._clock = clock
        check_file(self.path)
        if readonly and not self.path.exists():
            raise EventscribeError("E030", f"{self.path}: no such store")
        try:
            if readonly:
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)
            else:
                conn = sqlite3.connect(self.path, isolation_level=None, timeout=timeout)
        except sqlite3.Error as exc:
            raise EventscribeError("E030", f"cannot open {self.path}: {exc}") from None
        self._conn = conn
        try:
            quick_check(conn, self.path)
            conn.execute("PRAGMA foreign_keys = ON")
            if readonly:
                check_version(current_version(conn, self.path), self.path)
            else:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                migrate(conn, self.path)
        except (EventscribeError, sqlite3.Error) as exc:
            conn.close()
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, EventscribeError):
                raise EventscribeError("E032", f"{self.path}: {exc}") from None
            raise

    # -- lifecycle -----------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the database."""
        return current_version(self._conn, self.path)

    def _now(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    # -- documents and events --------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """True when a document with this content-hash id is stored."""
        row = self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def write_document(
        self,
        doc: Doc,
        events: Sequence[Event],
        notes: Iterable[str] = (),
        *,
        config_hash: str | None = None,
        run_id: int | None = None,
    ) -> bool:
        """Store a document with all its events, claims and evidence in ONE transaction.

        Every evidence span is checked against ``doc.text`` first (E006 if one does not match),
        so nothing unverifiable is stored. A document already stored (same content hash) is
        left as it is.

        Returns:
            True when written, False when the document was already there.

        Raises:
            EventscribeError: E006 for a span that does not match the text, E030 for a
                database error. Either way nothing of this document is stored.
        """
        for ev in events:
            if ev.doc_id != doc.id:
                raise EventscribeError(
                    "E030", f"event {ev.id} belongs to {ev.doc_id}, not {doc.id}"
                )
            for field, span in event_spans(ev):
                if not span.verify(doc.text):
                    raise EventscribeError(
                        "E006", f"event {ev.id}: {field} span {span.start}..{span.end} "
                        f"{span.text!r} does not match the document text"
                    )
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            if self.has_document(doc.id):
                conn.execute("ROLLBACK")
                return False
            self._insert_document(doc, list(notes), config_hash, run_id)
            for ev in events:
                self._insert_event(ev)
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise EventscribeError("E030", f"writing document {doc.id}: {exc}") from None
            raise
        return True

    def _insert_document(
        self, doc: Doc, notes: list[str], config_hash: str | None, run_id: int | None
    ) -> None:
        s = doc.source
        self._conn.execute(
            "INSERT INTO documents (id, text, lang, url, title, outlet, external_id, path,"
            " raw_sha256, extractor, published, ingested_at, config_hash, run_id, notes_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id, doc.text, doc.lang, s.url, s.title, s.outlet, s.external_id, s.path,
                s.raw_sha256, s.extractor,
                s.published_at.isoformat() if s.published_at else None,
                self._now(), config_hash, run_id, json.dumps(notes, ensure_ascii=False),
            ),
        )

    def _insert_event(self, ev: Event) -> None:
        d = ev.to_dict()
        place = ev.place.place if ev.place else None
        dv = ev.date.value if ev.date else None
        killed = summarise(tuple(c for c in ev.claims if c.kind == "killed"))
        self._conn.execute(
            "INSERT INTO events (id, doc_id, json, acled_event_type, acled_sub_event_type,"
            " plover_category, plover_mode, date_start, date_end, date_precision, lat, lon,"
            " country_code, place_name, geonameid, place_precision, killed_best, confidence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                ev.id, ev.doc_id, json.dumps(d, ensure_ascii=False),
                ev.type.acled_event_type, ev.type.acled_sub_event_type,
                ev.type.plover_category, ev.type.plover_mode,
                dv.start.isoformat() if dv else None, dv.end.isoformat() if dv else None,
                dv.precision if dv else None,
                place.lat if place else None, place.lon if place else None,
                place.country_code if place else None, place.name if place else None,
                place.geonameid if place else None, place.precision if place else None,
                killed.best if killed else None, ev.confidence,
            ),
        )
        for c in ev.claims:
            first = c.evidence[0] if c.evidence else None
            self._conn.execute(
                "INSERT INTO claims (event_id, kind, value, high, qualifier, attributed_to,"
                " counted_group, evidence_start, evidence_end, evidence_json, stage, reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    ev.id, c.kind, c.value, c.high, c.qualifier, c.attributed_to, c.group,
                    first.start if first else None, first.end if first else None,
                    json.dumps([s.to_dict() for s in c.evidence], ensure_ascii=False),
                    c.provenance.stage, c.provenance.reason,
                ),
            )
        self._conn.executemany(
            "INSERT INTO evidence (event_id, field, span_start, span_end, text)"
            " VALUES (?, ?, ?, ?, ?)",
            [(ev.id, f, s.start, s.end, s.text) for f, s in event_spans(ev)],
        )

    def get_document(self, doc_id: str) -> Doc | None:
        """The stored document with this id, or None."""
        row = self._conn.execute(
            "SELECT id, text, lang, url, title, outlet, external_id, path, raw_sha256,"
            " extractor, published FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        source = Source(
            url=row[3], title=row[4], outlet=row[5], external_id=row[6], path=row[7],
            raw_sha256=row[8], extractor=row[9],
            published_at=date.fromisoformat(row[10]) if row[10] else None,
        )
        return Doc(id=row[0], text=row[1], source=source, lang=row[2])

    def iter_events(self, *, doc_id: str | None = None) -> Iterator[dict[str, Any]]:
        """Stored events as ``Event.to_dict()`` plus ``"doc": {url, title, outlet, published}``.

        In the order documents were stored, then events within a document as written.
        """
        sql = (
            "SELECT e.json, d.url, d.title, d.outlet, d.published FROM events e"
            " JOIN documents d ON d.id = e.doc_id"
        )
        params: tuple[str, ...] = ()
        if doc_id is not None:
            sql += " WHERE e.doc_id = ?"
            params = (doc_id,)
        sql += " ORDER BY d.rowid, e.rowid"
        for row in self._conn.execute(sql, params):
            ev: dict[str, Any] = json.loads(row[0])
            ev["doc"] = {"url": row[1], "title": row[2], "outlet": row[3], "published": row[4]}
            yield ev

    # -- errors and runs -------------------------------------------------------------------

    def write_error(
        self, doc_key: str, code: str, message: str, *, run_id: int | None = None
    ) -> None:
        """Record a failure for an input (path, path:line) or a document id.

        The same (key, code, message) seen again, e.g. on a rerun, updates its time and run
        instead of adding a row.
        """
        with self._transaction():
            self._conn.execute(
                "INSERT INTO errors (doc_key, code, message, at, run_id) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (doc_key, code, message)"
                " DO UPDATE SET at = excluded.at, run_id = excluded.run_id",
                (doc_key, code, message, self._now(), run_id),
            )

    def iter_errors(self) -> Iterator[dict[str, Any]]:
        """Recorded errors, oldest first."""
        cur = self._conn.execute(
            "SELECT doc_key, code, message, at, run_id FROM errors ORDER BY id"
        )
        for key, code, message, at, run_id in cur:
            yield {"doc_key": key, "code": code, "message": message, "at": at, "run_id": run_id}

    def start_run(
        self, config_hash: str | None = None, config: Mapping[str, Any] | None = None
    ) -> int:
        """Record the start of a run; returns its id."""
        with self._transaction():
            cur = self._conn.execute(
                "INSERT INTO runs (started_at, config_hash, config_json) VALUES (?, ?, ?)",
                (self._now(), config_hash, json.dumps(config, sort_keys=True) if config else None),
            )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def finish_run(self, run_id: int, counts: Mapping[str, int]) -> None:
        """Record the end of a run and its counts (documents, events, errors, skipped...)."""
        with self._transaction():
            self._conn.execute(
                "UPDATE runs SET finished_at = ?, counts_json = ? WHERE id = ?",
                (self._now(), json.dumps(dict(counts), sort_keys=True), run_id),
            )

    def iter_runs(self) -> Iterator[dict[str, Any]]:
        """Recorded runs, oldest first (``finished_at`` None for a run that did not finish)."""
        cur = self._conn.execute(
            "SELECT id, started_at, finished_at, config_hash, counts_json FROM runs ORDER BY id"
        )
        for rid, started, finished, chash, counts in cur:
            yield {
                "id": rid, "started_at": started, "finished_at": finished,
                "config_hash": chash, "counts": json.loads(counts) if counts else None,
            }

    def counts(self) -> dict[str, int]:
        """Row counts of every table."""
        return {
            t: int(self._conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in TABLES
        }

    def _transaction(self) -> _Transaction:
        return _Transaction(self._conn)


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on any exception (E030 for SQLite's)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> None:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise EventscribeError("E030", str(exc)) from None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            self._conn.execute("COMMIT")
            return
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise EventscribeError("E030", str(exc)) from None

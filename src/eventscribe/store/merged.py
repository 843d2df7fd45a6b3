"""Merged events in the store: incremental dedup, manual merge/split, and their audit trail.

The imperative shell around :mod:`eventscribe.dedup` (pure). Report events that have no
``event_clusters`` row are *pending*. :func:`merge_pending` finds their candidates through the
stored blocking keys, takes the merge-candidate components they touch, and re-clusters only
those components, in one transaction. Because dedup's candidate predicate and clustering are
defined on pairs and sets, not on arrival order, the stored result equals clustering every
event at once, whatever order the documents came in (tests/unit/test_dedup_store.py).

A killed run leaves whole documents (each is one transaction) whose events are pending; the
next run, or ``eventscribe events``, merges them. A merged event whose rows are missing or
inconsistent is detected and its component re-clustered.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from eventscribe.dedup import (
    EventRecord,
    block_keys,
    cluster,
    cluster_id,
    record_from_dict,
    score_pair,
)
from eventscribe.dedup_reconcile import merged_event
from eventscribe.errors import EventscribeError
from eventscribe.store.sqlite import Store

_CHUNK = 500


@dataclass
class MergeReport:
    """What one merge pass did."""

    pending: int = 0
    reclustered_events: int = 0
    merged_events_written: int = 0
    repaired_components: int = 0
    conflicts: list[str] = field(default_factory=list)


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _load_events(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Event dicts (with ``"doc"``) by id."""
    out: dict[str, dict[str, Any]] = {}
    conn = store._conn
    for part in _chunks(sorted(set(ids))):
        marks = ",".join("?" * len(part))
        for row in conn.execute(
            "SELECT e.id, e.json, d.url, d.title, d.outlet, d.published FROM events e"
            f" JOIN documents d ON d.id = e.doc_id WHERE e.id IN ({marks})", tuple(part)
        ):
            try:
                ev: dict[str, Any] = json.loads(row[1])
            except json.JSONDecodeError:
                raise EventscribeError(
                    "E032", f"{store.path}: event {row[0]} has unreadable JSON; "
                    "restore a backup or start a new store") from None
            ev["doc"] = {"url": row[2], "title": row[3], "outlet": row[4], "published": row[5]}
            out[row[0]] = ev
    return out


def pending_ids(store: Store) -> list[str]:
    """Ids of report events not yet clustered (new, or left by a killed run)."""
    return [r[0] for r in store._conn.execute(
        "SELECT e.id FROM events e LEFT JOIN event_clusters c ON c.event_id = e.id"
        " WHERE c.event_id IS NULL ORDER BY e.id")]


def decisions(store: Store) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(must_link, cannot_link) pairs: the latest manual decision for each pair."""
    latest: dict[tuple[str, str], str] = {}
    for action, a, b in store._conn.execute(
            "SELECT action, event_a, event_b FROM dedup_audit ORDER BY id"):
        latest[(a, b) if a < b else (b, a)] = action
    must = sorted(p for p, act in latest.items() if act == "merge")
    cannot = sorted(p for p, act in latest.items() if act == "split")
    return must, cannot


def _components_of(store: Store, event_ids: Iterable[str]) -> set[str]:
    comps: set[str] = set()
    for part in _chunks(sorted(set(event_ids))):
        marks = ",".join("?" * len(part))
        comps.update(r[0] for r in store._conn.execute(
            f"SELECT DISTINCT component FROM event_clusters WHERE event_id IN ({marks})",
            tuple(part)))
    return comps


def _members_of(store: Store, components: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for part in _chunks(sorted(set(components))):
        marks = ",".join("?" * len(part))
        out.update(r[0] for r in store._conn.execute(
            f"SELECT event_id FROM event_clusters WHERE component IN ({marks})", tuple(part)))
    return out


def _broken_components(store: Store) -> set[str]:
    """Components with a member whose merged event row is missing or unreadable, or whose
    merged event's report count does not match its members."""
    conn = store._conn
    broken = {r[0] for r in conn.execute(
        "SELECT DISTINCT c.component FROM event_clusters c"
        " LEFT JOIN merged_events m ON m.id = c.merged_id"
        " WHERE m.id IS NULL OR json_valid(m.json) = 0")}
    broken |= {r[0] for r in conn.execute(
        "SELECT MIN(c.component) FROM event_clusters c JOIN merged_events m"
        " ON m.id = c.merged_id GROUP BY c.merged_id HAVING COUNT(*) != MAX(m.n_reports)")}
    conn.execute("DELETE FROM merged_events WHERE id NOT IN"
                 " (SELECT merged_id FROM event_clusters)")
    return broken


def _neighbours(store: Store, rec: EventRecord) -> set[str]:
    """Stored events that are blocking candidates of ``rec``."""
    out: set[str] = set()
    for key, primary in block_keys(rec):
        sql = "SELECT event_id FROM dedup_keys WHERE key = ?"
        if not primary:
            sql += " AND is_primary = 1"
        out.update(r[0] for r in store._conn.execute(sql, (key,)))
    out.discard(rec.id)
    return out


def _recluster(store: Store, event_ids: set[str], report: MergeReport,
               known: dict[str, dict[str, Any]] | None = None,
               known_recs: dict[str, EventRecord] | None = None) -> None:
    """Re-cluster these events (whole components) and rewrite their rows; inside a transaction.

    ``known``/``known_recs``: event dicts and records already loaded (not read again).
    """
    conn = store._conn
    known = known or {}
    known_recs = known_recs or {}
    events = {i: known[i] for i in event_ids if i in known}
    events.update(_load_events(store, event_ids - events.keys()))
    recs = [known_recs[i] if i in known_recs else record_from_dict(events[i])
            for i in sorted(events)]
    must, cannot = decisions(store)
    result = cluster(recs, must_link=must, cannot_link=cannot)
    report.conflicts.extend(result.conflicts)
    old_merged: set[str] = set()
    for part in _chunks(sorted(event_ids)):
        marks = ",".join("?" * len(part))
        old_merged.update(r[0] for r in conn.execute(
            f"SELECT DISTINCT merged_id FROM event_clusters WHERE event_id IN ({marks})",
            tuple(part)))
        conn.execute(f"DELETE FROM event_clusters WHERE event_id IN ({marks})", tuple(part))
    for part in _chunks(sorted(old_merged)):
        marks = ",".join("?" * len(part))
        conn.execute(f"DELETE FROM merged_events WHERE id IN ({marks})", tuple(part))
        conn.execute(f"DELETE FROM merge_reasons WHERE merged_id IN ({marks})", tuple(part))
    comp_of = {e: cluster_id(c) for c in result.components for e in c}
    links_of: dict[str, list[dict[str, Any]]] = {}
    member_to_cluster: dict[str, str] = {}
    for members in result.clusters:
        mid = cluster_id(members)
        for e in members:
            member_to_cluster[e] = mid
    for lk in result.links:
        links_of.setdefault(member_to_cluster[lk.a], []).append(
            {"a": lk.a, "b": lk.b, "score": lk.score, "reason": lk.reason, "by": lk.by})
    now = store._now()
    for members in result.clusters:
        mid = cluster_id(members)
        links = links_of.get(mid, [])
        merged = merged_event(mid, [events[e] for e in members], links)
        place = merged["place"] or {}
        dt = merged["date"] or {}
        killed = (merged["counts"].get("killed") or {}).get("best")
        conn.execute(
            "INSERT INTO merged_events (id, json, n_reports, acled_event_type,"
            " acled_sub_event_type, date_start, date_end, country_code, place_name, killed_best,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (mid, json.dumps(merged, ensure_ascii=False), len(members),
             merged["type"].get("acled_event_type"), merged["type"].get("acled_sub_event_type"),
             dt.get("start"), dt.get("end"), place.get("country_code"), place.get("name"),
             killed, now))
        conn.executemany(
            "INSERT INTO event_clusters (event_id, merged_id, component) VALUES (?, ?, ?)",
            [(e, mid, comp_of[e]) for e in members])
        conn.executemany(
            "INSERT INTO merge_reasons (merged_id, event_a, event_b, score, reason, by)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(mid, lk["a"], lk["b"], lk["score"], lk["reason"], lk["by"]) for lk in links])
        report.merged_events_written += 1
    report.reclustered_events += len(event_ids)


def merge_pending(store: Store) -> MergeReport:
    """Merge pending report events into the stored merged events (one transaction).

    Only the merge-candidate components the pending events touch are re-clustered; the
    result equals clustering everything at once. Also repairs merged events whose rows are
    missing. Idempotent: with nothing pending and nothing broken it changes nothing.
    """
    report = MergeReport()
    conn = store._conn
    with store._transaction():
        pending = pending_ids(store)
        broken = _broken_components(store)
        report.pending = len(pending)
        report.repaired_components = len(broken)
        if not pending and not broken:
            return report
        events = _load_events(store, pending)
        recs = {i: record_from_dict(events[i]) for i in pending if i in events}
        conn.executemany(
            "DELETE FROM dedup_keys WHERE event_id = ?", [(i,) for i in recs])
        conn.executemany(
            "INSERT OR REPLACE INTO dedup_keys (key, event_id, is_primary) VALUES (?, ?, ?)",
            [(k, r.id, int(p)) for r in recs.values() for k, p in block_keys(r)])
        pending_set = set(recs)
        touched: set[str] = set()
        stored_cache: dict[str, EventRecord] = {}
        loaded: dict[str, dict[str, Any]] = dict(events)
        for r in recs.values():
            nbrs = _neighbours(store, r) - pending_set
            missing = sorted(n for n in nbrs if n not in stored_cache)
            if missing:
                for eid, ev in _load_events(store, missing).items():
                    loaded[eid] = ev
                    stored_cache[eid] = record_from_dict(ev)
            for n in sorted(nbrs):
                other = stored_cache.get(n)
                if other is not None and score_pair(r, other).mergeable:
                    touched.add(n)
        comps = _components_of(store, touched) | broken
        affected = pending_set | _members_of(store, comps)
        if affected:
            _recluster(store, affected, report, loaded, {**stored_cache, **recs})
    return report


def recluster_events(store: Store, event_ids: Iterable[str]) -> MergeReport:
    """Re-cluster the components of these events (after a manual decision)."""
    report = MergeReport()
    with store._transaction():
        comps = _components_of(store, event_ids)
        affected = _members_of(store, comps) | set(event_ids)
        affected &= set(_load_events(store, affected))
        if affected:
            _recluster(store, affected, report)
    return report


def resolve(store: Store, ident: str) -> list[str]:
    """Report event ids of a merged event id (``mev_...``) or of one event id (``ev_...``)."""
    conn = store._conn
    rows = [r[0] for r in conn.execute(
        "SELECT event_id FROM event_clusters WHERE merged_id = ? ORDER BY event_id", (ident,))]
    if rows:
        return rows
    if conn.execute("SELECT 1 FROM events WHERE id = ?", (ident,)).fetchone():
        return [ident]
    raise EventscribeError("E056", f"no event or merged event with id {ident!r}")


def record_merge(store: Store, idents: Sequence[str], note: str | None = None,
                 actor: str | None = None) -> MergeReport:
    """Merge events/merged events by hand: must-links recorded in the audit table, then applied."""
    merge_pending(store)
    groups = [resolve(store, i) for i in idents]
    reps = sorted({g[0] for g in groups})
    if len(reps) < 2:
        raise EventscribeError("E057", "merge needs at least two different events")
    now = store._now()
    with store._transaction():
        store._conn.executemany(
            "INSERT INTO dedup_audit (at, action, event_a, event_b, note, actor)"
            " VALUES (?, 'merge', ?, ?, ?, ?)",
            [(now, reps[0], r, note, actor) for r in reps[1:]])
    return recluster_events(store, [e for g in groups for e in g])


def record_split(store: Store, event_ids: Sequence[str], note: str | None = None,
                 actor: str | None = None) -> MergeReport:
    """Take report events out of their merged events: cannot-links with every other member."""
    merge_pending(store)
    conn = store._conn
    rows: list[tuple[str, str]] = []
    for eid in event_ids:
        if conn.execute("SELECT 1 FROM events WHERE id = ?", (eid,)).fetchone() is None:
            raise EventscribeError("E056", f"no report event with id {eid!r} (split takes ev_ ids)")
        row = conn.execute("SELECT merged_id FROM event_clusters WHERE event_id = ?",
                           (eid,)).fetchone()
        mates = [r[0] for r in conn.execute(
            "SELECT event_id FROM event_clusters WHERE merged_id = ? AND event_id != ?",
            (row[0] if row else "", eid))]
        if not mates:
            raise EventscribeError("E058", f"{eid} is not merged with any other report")
        rows += [(eid, m) for m in mates]
    now = store._now()
    with store._transaction():
        conn.executemany(
            "INSERT INTO dedup_audit (at, action, event_a, event_b, note, actor)"
            " VALUES (?, 'split', ?, ?, ?, ?)", [(now, a, b, note, actor) for a, b in rows])
    return recluster_events(store, [e for pair in rows for e in pair])


def iter_merged(store: Store, *, min_reports: int = 1) -> Iterator[dict[str, Any]]:
    """Stored merged events (reconciled JSON), by date then id."""
    for (js,) in store._conn.execute(
            "SELECT json FROM merged_events WHERE n_reports >= ?"
            " ORDER BY date_start IS NULL, date_start, id", (min_reports,)):
        yield json.loads(js)


def iter_merged_with_reports(
    store: Store, *, min_reports: int = 1, batch: int = 500,
) -> Iterator[tuple[dict[str, Any], dict[str, dict[str, Any]]]]:
    """Stored merged events (as :func:`iter_merged`), each with its reports' event dicts by id
    (with ``"doc"``), read ``batch`` merged events at a time so memory stays bounded."""
    buf: list[dict[str, Any]] = []

    def flush() -> Iterator[tuple[dict[str, Any], dict[str, dict[str, Any]]]]:
        reports = _load_events(store, [i for m in buf for i in m.get("event_ids") or ()])
        for m in buf:
            yield m, {i: reports[i] for i in m.get("event_ids") or () if i in reports}
        buf.clear()

    for m in iter_merged(store, min_reports=min_reports):
        buf.append(m)
        if len(buf) >= batch:
            yield from flush()
    yield from flush()


def iter_audit(store: Store) -> Iterator[dict[str, Any]]:
    """Manual decisions, oldest first."""
    for rid, at, action, a, b, note, actor in store._conn.execute(
            "SELECT id, at, action, event_a, event_b, note, actor FROM dedup_audit ORDER BY id"):
        yield {"id": rid, "at": at, "action": action, "event_a": a, "event_b": b,
               "note": note, "actor": actor}

"""Merged events (one real-world event, several reports) as exportable event dicts.

The exporters read event dicts (``Event.to_dict()`` plus ``"doc"``). A merged event
(:func:`eventscribe.dedup_reconcile.merged_event`) already carries the reconciled type, place,
date, counts (every claim of every report, with its ``event_id`` and ``doc_id``) and actors.
:func:`merged_as_event` fills in what a flat row also needs from one report, the **lead
report**: the earliest published one (ties: the more confident, then the smaller id). Its
trigger, evidence and stated arguments are offsets into *its* document, named by ``doc_id``;
the other reports are listed in ``notes`` and in ``merged.reports``.

Columns that name a source list every report's outlet ("AP; Reuters"), in publication order,
as ACLED's ``source`` column does for multi-source events.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventscribe.errors import EventscribeError
from eventscribe.export.common import EventDict, outlet_name


def _published(ev: Mapping[str, Any]) -> str:
    return str((ev.get("doc") or {}).get("published") or "")


def lead_report(reports: list[EventDict]) -> EventDict:
    """The report whose trigger and evidence stand for the merged event (see module doc)."""
    return min(reports, key=lambda e: (_published(e) or "9999",
                                       -float(e.get("confidence") or 0.0), str(e.get("id"))))


def _with_details(people: list[Mapping[str, Any]], reports: list[EventDict],
                  key: str) -> list[dict[str, Any]]:
    """Merged actor/target entries, each completed with the first report's own dict of the same
    name (text span, country), so exports keep the evidence of at least one mention."""
    by_name: dict[str, Mapping[str, Any]] = {}
    for ev in reports:
        for a in ev.get(key) or ():
            if isinstance(a, Mapping):
                name = str(a.get("name") or a.get("text") or "").strip().lower()
                by_name.setdefault(name, a)
    out = []
    for p in people:
        own = by_name.get(str(p.get("name") or "").strip().lower(), {})
        out.append({**own, "name": p.get("name"), "sector": p.get("sector") or own.get("sector"),
                    "events": list(p.get("events") or [])})
    return out


def merged_as_event(merged: Mapping[str, Any], reports: Mapping[str, EventDict]) -> EventDict:
    """An exportable event dict for ``merged``, given its reports' event dicts by id.

    Raises:
        EventscribeError: E066 when none of the merged event's reports is in ``reports``
            (a store edited by hand, or a merged event read without its reports).
    """
    evs = [reports[i] for i in merged.get("event_ids") or () if i in reports]
    if not evs:
        raise EventscribeError("E066", f"merged event {merged.get('id')}: none of its report "
                                       "events was found; run `eventscribe events` to rebuild")
    evs.sort(key=lambda e: (_published(e) or "9999", str(e.get("id"))))
    lead = lead_report(evs)
    outlets: list[str] = []
    for ev in evs:
        name = outlet_name(ev)
        if name and name not in outlets:
            outlets.append(name)
    lead_doc = dict(lead.get("doc") or {})
    listing = "; ".join(
        f"{ev.get('id')} ({outlet_name(ev) or 'unknown outlet'}, {_published(ev) or 'undated'})"
        for ev in evs)
    notes = [str(n) for n in merged.get("notes") or ()]
    if len(evs) > 1:
        notes.append(f"merged from {len(evs)} reports: {listing}; trigger and evidence "
                     f"from {lead.get('id')}")
    return {
        "id": merged["id"],
        "doc_id": lead.get("doc_id"),
        "type": dict(merged.get("type") or lead["type"]),
        "trigger": lead["trigger"],
        "evidence": lead.get("evidence") or [],
        "arguments": lead.get("arguments") or [],
        "place": merged.get("place"),
        "date": merged.get("date"),
        "counts": merged.get("counts") or {},
        "actors": _with_details(list(merged.get("actors") or ()), evs, "actors"),
        "targets": _with_details(list(merged.get("targets") or ()), evs, "targets"),
        "confidence": merged.get("confidence", lead.get("confidence")),
        "notes": notes,
        "doc": {**lead_doc, "outlet": "; ".join(outlets) or lead_doc.get("outlet"),
                "published": _published(lead) or None},
        "merged": {
            "n_reports": len(evs),
            "event_ids": [ev.get("id") for ev in evs],
            "doc_ids": sorted({str(ev.get("doc_id")) for ev in evs}),
            "merge_confidence": merged.get("merge_confidence"),
            "reports": list(merged.get("reports") or ()),
        },
    }

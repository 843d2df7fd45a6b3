"""One merged event from the reports of one cluster (pure): every claim kept, nothing averaged.

* **counts**: every claim of every report is kept with its report (``event_id``, ``doc_id``);
  best/low/high come from :func:`eventscribe.model.claims.summarise` over all of them (best =
  the most conservative figure any source asserts, low/high the range stated); a source
  quoted by several reports is summarised per report;
* **place**: the most precise place the reports agree on: a place that every other report's
  place contains (same GeoNames id, or the same admin2/admin1/country at a coarser
  precision). When reports name different places, the one most reports give wins (ties: the
  more precise, then the smaller GeoNames id) and the disagreement is noted;
* **date**: the tightest consistent range, the intersection of all reports' ranges; when
  they do not all overlap, the narrowest range that overlaps the most others, with a note;
* **type**: the sub-type most reports give (ties: alphabetical), others noted;
* **actors/targets**: the union by name, each with the reports that name it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from eventscribe.model import COUNT_KINDS, Claim, Provenance, Span, summarise

STAGE = "dedup.v1"


def _span(d: Any) -> Span | None:
    if not isinstance(d, Mapping):
        return None
    try:
        return Span(int(d["start"]), int(d["end"]), str(d["text"]))
    except (KeyError, TypeError, ValueError, Exception):
        return None


def claim_from_dict(kind: str, c: Mapping[str, Any]) -> Claim | None:
    """A :class:`Claim` rebuilt from its JSON (``Claim.to_dict()``), or None when unusable."""
    try:
        value = int(c["value"])
    except (KeyError, TypeError, ValueError):
        return None
    spans = tuple(s for s in (_span(x) for x in c.get("evidence") or ()) if s is not None)
    high = c.get("high")
    return Claim(
        kind=kind,  # type: ignore[arg-type]
        value=value,
        qualifier=c.get("qualifier") or "exact",
        attributed_to=str(c.get("attributed_to") or "the report"),
        evidence=spans,
        provenance=Provenance(stage=str(c.get("stage") or ""), reason=str(c.get("reason") or "")),
        high=int(high) if isinstance(high, int) else None,
        attribution_evidence=_span(c.get("attribution_evidence")),
        group=c.get("group"),
    )


def _place_of(e: Mapping[str, Any]) -> Mapping[str, Any] | None:
    p = e.get("place")
    return p if isinstance(p, Mapping) and p.get("name") else None


def _contains(coarse: Mapping[str, Any], fine: Mapping[str, Any]) -> bool:
    """True when place ``coarse`` is ``fine`` or an area that contains it."""
    if coarse.get("geonameid") is not None and coarse.get("geonameid") == fine.get("geonameid"):
        return True
    if coarse.get("country_code") != fine.get("country_code"):
        return False
    pc, pf = int(coarse.get("precision") or 1), int(fine.get("precision") or 1)
    if pc < pf:
        return False
    if pc >= 4:
        return True
    if pc == 3:
        return bool(coarse.get("admin1")) and coarse.get("admin1") == fine.get("admin1")
    if pc == 2:
        return bool(coarse.get("admin2")) and coarse.get("admin2") == fine.get("admin2")
    return False


def reconcile_place(events: Sequence[Mapping[str, Any]]) -> tuple[dict[str, Any] | None, str]:
    """The merged place and the reason for it."""
    places = [(str(e.get("id")), p) for e in events if (p := _place_of(e)) is not None]
    if not places:
        return None, "no report names a place"
    agreed = [(eid, p) for eid, p in places if all(_contains(q, p) for _, q in places)]
    if agreed:
        eid, p = min(agreed, key=lambda x: (int(x[1].get("precision") or 1), x[0]))
        why = (f"the most precise place all {len(places)} reports with a place agree on"
               if len(places) > 1 else "the only report with a place")
        return {**dict(p), "from_event": eid}, why
    votes: Counter[tuple[Any, ...]] = Counter()
    first: dict[tuple[Any, ...], tuple[str, Mapping[str, Any]]] = {}
    for eid, p in places:
        key = (p.get("geonameid"), p.get("name"))
        votes[key] += 1
        first.setdefault(key, (eid, p))
    best = min(votes, key=lambda k: (-votes[k], int(first[k][1].get("precision") or 1),
                                     k[0] if isinstance(k[0], int) else 1 << 62, str(k[1])))
    eid, p = first[best]
    names = sorted({str(q.get("name")) for _, q in places})
    why = (f"reports disagree ({', '.join(names)}); {p.get('name')} is given by "
           f"{votes[best]} of {len(places)}")
    return {**dict(p), "from_event": eid}, why


def _range(e: Mapping[str, Any]) -> tuple[date, date] | None:
    d = e.get("date")
    if not isinstance(d, Mapping):
        return None
    try:
        s, t = date.fromisoformat(str(d["start"])[:10]), date.fromisoformat(str(d["end"])[:10])
    except (KeyError, ValueError):
        return None
    return (s, t) if s <= t else None


def reconcile_date(events: Sequence[Mapping[str, Any]]) -> tuple[dict[str, Any] | None, str]:
    """The merged date range and the reason for it."""
    ranges = [(str(e.get("id")), r) for e in events if (r := _range(e)) is not None]
    if not ranges:
        return None, "no report dates the event"
    lo = max(r[0] for _, r in ranges)
    hi = min(r[1] for _, r in ranges)
    if lo <= hi:
        why = (f"the intersection of {len(ranges)} reports' ranges" if len(ranges) > 1
               else "the only dated report")
        return {"start": lo.isoformat(), "end": hi.isoformat(),
                "precision": "day" if lo == hi else "range"}, why

    def overlaps(a: tuple[date, date], b: tuple[date, date]) -> bool:
        return a[0] <= b[1] and b[0] <= a[1]

    eid, best = min(ranges, key=lambda x: (-sum(overlaps(x[1], r) for _, r in ranges),
                                           (x[1][1] - x[1][0]).days, x[1][0], x[0]))
    why = (f"reports' ranges do not all overlap; {best[0]}..{best[1]} (from {eid}) is the "
           "narrowest range overlapping the most reports")
    return {"start": best[0].isoformat(), "end": best[1].isoformat(),
            "precision": "day" if best[0] == best[1] else "range"}, why


def _report_label(e: Mapping[str, Any]) -> str:
    doc = e.get("doc") if isinstance(e.get("doc"), Mapping) else {}
    assert isinstance(doc, Mapping)
    return str(doc.get("outlet") or doc.get("url") or f"report {str(e.get('doc_id'))[:8]}")


def reconcile_counts(events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Per count kind: all claims of all reports and their best/low/high summary.

    A source named in several reports ("police" quoted by two outlets) is summarised per
    report ("police (Punch)"): offsets, updates and subsets only mean something inside one
    document. The kept claims keep their own ``attributed_to``.
    """
    out: dict[str, Any] = {}
    for kind in COUNT_KINDS:
        found: list[tuple[Mapping[str, Any], Mapping[str, Any], Claim]] = []
        for e in events:
            c = (e.get("counts") or {}).get(kind)
            if not isinstance(c, Mapping):
                continue
            for cd in c.get("claims") or ():
                cl = claim_from_dict(kind, cd) if isinstance(cd, Mapping) else None
                if cl is not None:
                    found.append((e, cd, cl))
        docs_of: dict[str, set[str]] = {}
        for e, _cd, cl in found:
            docs_of.setdefault(cl.attributed_to, set()).add(str(e.get("doc_id")))
        claims = tuple(
            replace(cl, attributed_to=f"{cl.attributed_to} ({_report_label(e)})")
            if len(docs_of[cl.attributed_to]) > 1 else cl
            for e, _cd, cl in found
        )
        kept = [{**dict(cd), "event_id": e.get("id"), "doc_id": e.get("doc_id")}
                for e, cd, _cl in found]
        summ = summarise(claims)
        out[kind] = None if summ is None else {
            "best": summ.best, "low": summ.low, "high": summ.high, "reason": summ.reason,
            "claims": kept,
        }
    return out


def _people(events: Sequence[Mapping[str, Any]], key: str) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for e in events:
        for a in e.get(key) or ():
            if not isinstance(a, Mapping):
                continue
            name = str(a.get("name") or a.get("text") or "").strip()
            if not name:
                continue
            entry = seen.setdefault(name.lower(), {"name": name, "sector": a.get("sector"),
                                                   "events": []})
            if e.get("id") not in entry["events"]:
                entry["events"].append(e.get("id"))
    return [seen[k] for k in sorted(seen)]


def merged_event(
    merged_id: str,
    events: Sequence[Mapping[str, Any]],
    links: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """The merged record of a cluster of report events (dicts as stored, sorted by id here).

    Args:
        merged_id: the merged event's id (:func:`eventscribe.dedup.cluster_id`).
        events: the reports' events (``Event.to_dict()``, optionally with ``"doc"``).
        links: the merge links (``a``, ``b``, ``score``, ``reason``, ``by``).
    """
    evs = sorted(events, key=lambda e: str(e.get("id")))
    types = Counter(
        ((e.get("type") or {}).get("acled_sub_event_type") or "", str(e.get("id"))) for e in evs
    )
    sub_votes: Counter[str] = Counter(t for t, _ in types)
    sub = min(sub_votes, key=lambda s: (-sub_votes[s], s))
    type_d = next(dict(e.get("type") or {}) for e in evs
                  if (e.get("type") or {}).get("acled_sub_event_type") == sub)
    type_d["reason"] = (f"{sub_votes[sub]} of {len(evs)} reports" if len(sub_votes) > 1
                        else f"all {len(evs)} report(s) agree")
    place, place_why = reconcile_place(evs)
    dt, date_why = reconcile_date(evs)
    if place is not None:
        place["reason"] = place_why
    if dt is not None:
        dt["reason"] = date_why
    notes = []
    if place is None or "disagree" in place_why:
        notes.append(place_why)
    if dt is not None and "do not all overlap" in date_why:
        notes.append(date_why)
    if len(sub_votes) > 1:
        notes.append("types differ: " + ", ".join(f"{s} ({n})" for s, n in
                                                  sorted(sub_votes.items())))
    low_conf = any("lower confidence" in str(lk.get("reason", "")) for lk in links)
    conf = [float(e.get("confidence") or 0.0) for e in evs]
    return {
        "id": merged_id,
        "n_reports": len(evs),
        "event_ids": [e.get("id") for e in evs],
        "doc_ids": sorted({str(e.get("doc_id")) for e in evs}),
        "type": type_d,
        "place": place,
        "date": dt,
        "counts": reconcile_counts(evs),
        "actors": _people(evs, "actors"),
        "targets": _people(evs, "targets"),
        "confidence": round(max(conf) if conf else 0.0, 3),
        "merge_confidence": "single report" if len(evs) == 1 else (
            "lower" if low_conf else "normal"),
        "merges": [dict(lk) for lk in links],
        "reports": [
            {"event_id": e.get("id"), "doc_id": e.get("doc_id"), "doc": e.get("doc"),
             "type": (e.get("type") or {}).get("acled_sub_event_type"),
             "place": (_place_of(e) or {}).get("name"),
             "date": (e.get("date") or {}).get("start"),
             "trigger": (e.get("trigger") or {}).get("text")}
            for e in evs
        ],
        "notes": notes,
        "stage": STAGE,
    }

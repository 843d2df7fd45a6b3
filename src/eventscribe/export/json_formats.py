"""JSON exports: PLOVER-style JSONL and GeoJSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventscribe.export.common import (
    EventDict,
    all_claims,
    count,
    doc_meta,
    evidence_list,
    identity_columns,
    outlet_name,
    plover_resolution,
)
from eventscribe.registry import exporters

UNKNOWN_ACTOR = "unknown"
"""PLOVER leaves actor-less events uncoded; eventscribe names the actor this instead."""


def plover_event_loc(place: dict[str, Any] | None, extracted: str | None) -> dict[str, Any] | None:
    """PLOVER ``event_loc`` for a place dict (None when the event has no place)."""
    if not place:
        return None
    return {
        "extracted_place": extracted,
        "resolved_place": place.get("name"),
        "geonameid": place.get("geonameid"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "admin1": place.get("admin1"),
        "admin2": place.get("admin2"),
        "country": place.get("country"),
        "country_code": place.get("country_code"),
        "feature_class": place.get("feature_class"),
        "feature_code": place.get("feature_code"),
        "resolution": plover_resolution(place),
    }


def plover_record(ev: EventDict) -> dict[str, Any]:
    """One PLOVER-style record (docs/formats.md)."""
    actors = ev.get("actors") or []
    targets = ev.get("targets") or []
    place = ev.get("place")
    place_ev = (place or {}).get("evidence") or []
    date = ev.get("date") or {}
    span = (ev.get("evidence") or [ev["trigger"]])[0]
    return {
        "id": ev["id"],
        "doc_id": ev["doc_id"],
        "date": date.get("start"),
        "enddate": date.get("end"),
        "date_precision": date.get("precision"),
        "actor": actors[0]["name"] if actors else UNKNOWN_ACTOR,
        "actor_sector": actors[0].get("sector") if actors else None,
        "recipient": targets[0]["name"] if targets else None,
        "recipient_sector": targets[0].get("sector") if targets else None,
        "actors": [a["name"] for a in actors],
        "recipients": [t["name"] for t in targets],
        "event": ev["type"]["plover_category"],
        "mode": ev["type"].get("plover_mode"),
        "context": [],
        "event_loc": plover_event_loc(place, place_ev[0]["text"] if place_ev else None),
        "size": {
            "dead": count(ev, "killed"),
            "injured": count(ev, "injured"),
            "arrested": count(ev, "arrested"),
        },
        "text_info": {"start": span["start"], "end": span["end"], "text": span["text"]},
        "trigger": ev["trigger"],
        "acled_event_type": ev["type"]["acled_event_type"],
        "acled_sub_event_type": ev["type"]["acled_sub_event_type"],
        "cite_info": {**doc_meta(ev), "outlet": outlet_name(ev) or None},
        "confidence": ev.get("confidence"),
        "claims": all_claims(ev),
        "evidence": evidence_list(ev),
    }


@exporters.register("plover-jsonl")
def export_plover_jsonl(events: Iterable[EventDict], out: Path) -> int:
    """PLOVER-style JSON Lines, one record per event; returns the number of lines."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for ev in events:
            fh.write(json.dumps(plover_record(ev), ensure_ascii=False) + "\n")
            n += 1
    return n


@exporters.register("jsonl")
def export_events_jsonl(events: Iterable[EventDict], out: Path) -> int:
    """The event JSON contract itself, one event dict (with ``doc``) per line."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for ev in events:
            fh.write(json.dumps(ev, ensure_ascii=False) + "\n")
            n += 1
    return n


def geojson_properties(ev: EventDict) -> dict[str, Any]:
    """A flat summary of an event (scalars only) for GeoJSON properties."""
    place = ev.get("place") or {}
    date = ev.get("date") or {}
    meta = doc_meta(ev)
    return {
        **identity_columns(ev),
        "trigger": ev["trigger"]["text"],
        "actors": "; ".join(a["name"] for a in ev.get("actors") or []),
        "targets": "; ".join(t["name"] for t in ev.get("targets") or []),
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "date_precision": date.get("precision"),
        "place": place.get("name"),
        "geonameid": place.get("geonameid"),
        "admin1": place.get("admin1"),
        "admin2": place.get("admin2"),
        "country_code": place.get("country_code"),
        "place_precision": place.get("precision"),
        "killed": count(ev, "killed"),
        "killed_high": count(ev, "killed", "high"),
        "injured": count(ev, "injured"),
        "arrested": count(ev, "arrested"),
        "abducted": count(ev, "abducted"),
        "confidence": ev.get("confidence"),
        "url": meta["url"],
        "title": meta["title"],
        "outlet": outlet_name(ev) or None,
        "published": meta["published"],
    }


@exporters.register("geojson")
def export_geojson(events: Iterable[EventDict], out: Path) -> int:
    """GeoJSON FeatureCollection of located events; returns the number of features.

    Events without coordinates are counted in the top-level ``"unlocated"`` member.
    """
    features: list[dict[str, Any]] = []
    unlocated = 0
    for ev in events:
        place = ev.get("place")
        if not place or place.get("lat") is None or place.get("lon") is None:
            unlocated += 1
            continue
        features.append(
            {
                "type": "Feature",
                "id": ev["id"],
                "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                "properties": geojson_properties(ev),
            }
        )
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    collection = {"type": "FeatureCollection", "features": features, "unlocated": unlocated}
    out.write_text(json.dumps(collection, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(features)

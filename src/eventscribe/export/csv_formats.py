"""Tabular exports: ACLED-like CSV and UCDP GED-like CSV."""

from __future__ import annotations

import csv
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventscribe.export.common import (
    EventDict,
    acled_geo_precision,
    acled_time_precision,
    claims_json,
    claims_notes,
    count,
    country_info,
    country_name,
    date_range,
    doc_meta,
    first_and_rest,
    inter_code,
    interaction,
    outlet_name,
    ucdp_date_prec,
    ucdp_where_prec,
    where_description,
)
from eventscribe.registry import exporters

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "iso", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities",
    # eventscribe's own columns
    "event_id", "doc_id", "date_start", "date_end", "claims_json",
]

UCDP_COLUMNS = [
    "id", "date_start", "date_end", "date_prec", "where_description", "adm_1", "adm_2",
    "latitude", "longitude", "where_prec", "country", "side_a", "side_b", "best", "low", "high",
    "source_article", "source_office", "source_date", "source_headline",
    # eventscribe's own columns
    "doc_id", "event_type", "sub_event_type", "claims_json",
]


def _blank(value: object) -> object:
    return "" if value is None else value


def _write_csv(rows: Iterable[dict[str, Any]], columns: list[str], out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, extrasaction="raise")
        w.writeheader()
        for row in rows:
            w.writerow({k: _blank(row.get(k)) for k in columns})
            n += 1
    return n


def acled_event_id_cnty(ev: EventDict) -> str:
    """ISO3 of the country (``XXX`` if unknown) + 8 digits derived from the event id (stable)."""
    place = ev.get("place") or {}
    iso3 = country_info(place.get("country_code")).get("iso3", "XXX")
    tail = str(ev["id"]).rsplit("_", 1)[-1][:10]  # ev_<hex> and mev_<hex> ids
    try:
        digits = int(tail, 16) % 10**8
    except ValueError:  # an id from elsewhere: still stable
        digits = zlib.crc32(str(ev["id"]).encode("utf-8")) % 10**8
    return f"{iso3}{digits:08d}"


def acled_row(ev: EventDict) -> dict[str, Any]:
    """One ACLED-like row (see docs/formats.md for every column's rule)."""
    typ = ev["type"]
    place = ev.get("place")
    start, end, precision = date_range(ev)
    a1, assoc1 = first_and_rest(ev.get("actors") or [])
    a2, assoc2 = first_and_rest(ev.get("targets") or [])
    i1, i2 = inter_code(a1), inter_code(a2)
    geo, geo_note = acled_geo_precision(place)
    notes = [f"{typ['acled_sub_event_type']}: \"{ev['trigger']['text']}\""]
    notes += claims_notes(ev)
    if geo_note:
        notes.append(geo_note)
    notes += [str(n) for n in ev.get("notes") or []]
    info = country_info((place or {}).get("country_code"))
    return {
        "event_id_cnty": acled_event_id_cnty(ev),
        "event_date": start.isoformat() if start else None,
        "year": start.year if start else None,
        "time_precision": acled_time_precision(precision),
        "event_type": typ["acled_event_type"],
        "sub_event_type": typ["acled_sub_event_type"],
        "actor1": a1["name"] if a1 else None,
        "assoc_actor_1": "; ".join(assoc1),
        "inter1": i1,
        "actor2": a2["name"] if a2 else None,
        "assoc_actor_2": "; ".join(assoc2),
        "inter2": i2,
        "interaction": interaction(i1, i2),
        "country": country_name(place),
        "iso": info.get("isonumeric"),
        "admin1": (place or {}).get("admin1"),
        "admin2": (place or {}).get("admin2"),
        "location": (place or {}).get("name"),
        "latitude": (place or {}).get("lat"),
        "longitude": (place or {}).get("lon"),
        "geo_precision": geo,
        "source": outlet_name(ev),
        "source_scale": None,
        "notes": " | ".join(notes),
        "fatalities": count(ev, "killed") or 0,
        "event_id": ev["id"],
        "doc_id": ev["doc_id"],
        "date_start": start.isoformat() if start else None,
        "date_end": end.isoformat() if end else None,
        "claims_json": claims_json(ev),
    }


@exporters.register("acled-csv")
def export_acled_csv(events: Iterable[EventDict], out: Path) -> int:
    """ACLED-like CSV, one row per event; returns the number of rows written."""
    return _write_csv((acled_row(ev) for ev in events), ACLED_COLUMNS, Path(out))


def ucdp_row(ev: EventDict) -> dict[str, Any]:
    """One UCDP GED-like row; best/low/high are blank when no death count was claimed."""
    place = ev.get("place")
    start, end, precision = date_range(ev)
    actors = ev.get("actors") or []
    targets = ev.get("targets") or []
    side_b = targets[0] if targets else (actors[1] if len(actors) > 1 else None)
    meta = doc_meta(ev)
    return {
        "id": ev["id"],
        "date_start": start.isoformat() if start else None,
        "date_end": end.isoformat() if end else None,
        "date_prec": ucdp_date_prec(start, end, precision),
        "where_description": where_description(place),
        "adm_1": (place or {}).get("admin1"),
        "adm_2": (place or {}).get("admin2"),
        "latitude": (place or {}).get("lat"),
        "longitude": (place or {}).get("lon"),
        "where_prec": ucdp_where_prec(place),
        "country": country_name(place),
        "side_a": actors[0]["name"] if actors else None,
        "side_b": side_b["name"] if side_b else None,
        "best": count(ev, "killed", "best"),
        "low": count(ev, "killed", "low"),
        "high": count(ev, "killed", "high"),
        "source_article": meta["url"],
        "source_office": outlet_name(ev),
        "source_date": meta["published"],
        "source_headline": meta["title"],
        "doc_id": ev["doc_id"],
        "event_type": ev["type"]["acled_event_type"],
        "sub_event_type": ev["type"]["acled_sub_event_type"],
        "claims_json": claims_json(ev),
    }


@exporters.register("ucdp-csv")
def export_ucdp_csv(events: Iterable[EventDict], out: Path) -> int:
    """UCDP GED-like CSV, one row per event; returns the number of rows written."""
    return _write_csv((ucdp_row(ev) for ev in events), UCDP_COLUMNS, Path(out))

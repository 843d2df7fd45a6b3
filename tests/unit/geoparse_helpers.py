"""Hand-built AnnotatedDocs for geoparse tests (no spaCy load)."""

from __future__ import annotations

import re

from eventscribe.model import AnnotatedDoc, Doc, Entity, PlaceMention, Span
from eventscribe.stages.geoparse import GazetteerGeoparser
from tests.conftest import km

__all__ = ["km", "make_doc", "places_by_text", "warm_geoparser"]


def warm_geoparser() -> GazetteerGeoparser:
    """A geoparser with its gazetteer loaded (for a module-scoped fixture)."""
    s = GazetteerGeoparser()
    s.warm_up()
    return s


def places_by_text(adoc: AnnotatedDoc) -> dict[str, PlaceMention]:
    """The document's place mentions by their text."""
    return {p.span.text: p for p in adoc.places}


def make_doc(text: str, ents: list[tuple[str, str]] | None = None) -> AnnotatedDoc:
    """A doc with regex sentences and the given (surface, label) entities (first occurrence)."""
    found = []
    pos: dict[str, int] = {}
    for surface, label in ents or []:
        i = text.index(surface, pos.get(surface, 0))
        pos[surface] = i + len(surface)
        found.append(Entity(Span.of(text, i, i + len(surface)), label))
    sents = []
    start = 0
    for m in re.finditer(r"[.!?]\s+", text):
        sents.append(Span.of(text, start, m.end()))
        start = m.end()
    if start < len(text):
        sents.append(Span.of(text, start, len(text)))
    return AnnotatedDoc(Doc.from_text(text), sentences=tuple(sents), entities=tuple(found))

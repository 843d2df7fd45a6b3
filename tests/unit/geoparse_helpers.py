"""Hand-built AnnotatedDocs for geoparse tests (no spaCy load)."""

from __future__ import annotations

import math
import re

from eventscribe.model import AnnotatedDoc, Doc, Entity, Span


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


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))

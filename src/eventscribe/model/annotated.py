"""AnnotatedDoc: a Doc plus the layers stages add. Stages return new values, never mutate."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from eventscribe.model.claims import Claim
from eventscribe.model.dates import TimeMention
from eventscribe.model.doc import Doc
from eventscribe.model.event import Event
from eventscribe.model.place import PlaceMention
from eventscribe.model.span import Span


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity from NER (spaCy labels: PERSON, ORG, GPE, LOC, NORP, FAC, DATE, ...)."""

    span: Span
    label: str
    source: str = "ner.spacy.v1"


@dataclass(frozen=True, slots=True)
class AnnotatedDoc:
    """A document and its annotation layers; each stage fills the layers it provides."""

    doc: Doc
    sentences: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    times: tuple[TimeMention, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    notes: tuple[str, ...] = ()
    provided: frozenset[str] = field(default_factory=frozenset)

    @property
    def text(self) -> str:
        return self.doc.text

    def with_layer(self, name: str, value: Any, **more: Any) -> AnnotatedDoc:
        """Return a copy with layer ``name`` set (and recorded as provided)."""
        return replace(self, **{name: value}, **more, provided=self.provided | {name})

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing character ``offset`` (-1 if none)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1

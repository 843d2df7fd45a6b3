"""Event records: type, trigger, actors, targets, place, date, counts, evidence."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from eventscribe.model.claims import COUNT_KINDS, Claim, CountKind, summarise
from eventscribe.model.dates import DateValue
from eventscribe.model.place import Place
from eventscribe.model.provenance import Provenance
from eventscribe.model.span import Span


@dataclass(frozen=True, slots=True)
class EventType:
    """ACLED-style event type and sub-type, and PLOVER category and mode."""

    acled_event_type: str
    acled_sub_event_type: str
    plover_category: str
    plover_mode: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "plover_category": self.plover_category,
            "plover_mode": self.plover_mode,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """A participant: its text span, normalised name, sector and country when known."""

    span: Span
    name: str
    sector: str | None = None
    country_code: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.span.text,
            "name": self.name,
            "start": self.span.start,
            "end": self.span.end,
            "sector": self.sector,
            "country_code": self.country_code,
        }


@dataclass(frozen=True, slots=True)
class Argument:
    """A place or instrument the text states for an event, often as a common noun ("at a
    checkpoint", "with a knife"): its span, head word, the trigger it belongs to and why."""

    role: str
    """"place" or "instrument"."""
    span: Span
    head: str
    """The phrase's head noun, lower-case ("the busy bus station" -> "station")."""
    reason: str
    trigger: Span | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "role": self.role,
            "text": self.span.text,
            "start": self.span.start,
            "end": self.span.end,
            "head": self.head,
            "reason": self.reason,
            "trigger": self.trigger.to_dict() if self.trigger is not None else None,
        }


@dataclass(frozen=True, slots=True)
class PlaceAssignment:
    """The place chosen for an event, with its reason and evidence."""

    place: Place
    provenance: Provenance

    def to_dict(self) -> dict[str, object]:
        d = self.place.to_dict()
        d["reason"] = self.provenance.reason
        d["evidence"] = [s.to_dict() for s in self.provenance.evidence]
        return d


@dataclass(frozen=True, slots=True)
class DateAssignment:
    """The date range chosen for an event, with its reason and evidence."""

    value: DateValue
    provenance: Provenance

    def to_dict(self) -> dict[str, object]:
        d = self.value.to_dict()
        d["reason"] = self.provenance.reason
        d["evidence"] = [s.to_dict() for s in self.provenance.evidence]
        return d


def event_id(doc_id: str, trigger: Span, type_: EventType, place_key: str = "") -> str:
    """Deterministic id: hash of doc id, trigger span, type and (for split events) the place."""
    key = f"{doc_id}|{trigger.start}:{trigger.end}|{type_.acled_sub_event_type}|{place_key}"
    return "ev_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Event:
    """One event as one report describes it (or, after dedup, as several reports do)."""

    id: str
    doc_id: str
    type: EventType
    trigger: Span
    type_provenance: Provenance
    actors: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    place: PlaceAssignment | None = None
    date: DateAssignment | None = None
    claims: tuple[Claim, ...] = ()
    confidence: float = 0.5
    evidence: tuple[Span, ...] = ()
    notes: tuple[str, ...] = field(default=())
    """Warnings and remarks (e.g. a count rejected as absurd), each a readable sentence."""
    arguments: tuple[Argument, ...] = ()
    """Places and instruments stated in the trigger's sentence (``stages/roles_args.py``),
    named or common nouns, beside the resolved ``place``."""

    def counts(self) -> dict[CountKind, tuple[Claim, ...]]:
        out: dict[CountKind, tuple[Claim, ...]] = {}
        for kind in COUNT_KINDS:
            cs = tuple(c for c in self.claims if c.kind == kind)
            if cs:
                out[kind] = cs
        return out

    def to_dict(self) -> dict[str, object]:
        """The event JSON contract (docs/formats.md)."""
        counts: dict[str, object] = {}
        for kind in COUNT_KINDS:
            cs = tuple(c for c in self.claims if c.kind == kind)
            summ = summarise(cs)
            counts[kind] = (
                None
                if summ is None
                else {
                    "best": summ.best,
                    "low": summ.low,
                    "high": summ.high,
                    "reason": summ.reason,
                    "claims": [c.to_dict() for c in cs],
                }
            )
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "type": {**self.type.to_dict(), "reason": self.type_provenance.reason},
            "trigger": self.trigger.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "targets": [a.to_dict() for a in self.targets],
            "place": self.place.to_dict() if self.place else None,
            "date": self.date.to_dict() if self.date else None,
            "counts": counts,
            "confidence": round(self.confidence, 3),
            "evidence": [s.to_dict() for s in self.evidence],
            "notes": list(self.notes),
            "arguments": [a.to_dict() for a in self.arguments],
        }

"""Hand-built reports for the dedup tests: one document and one event from a few parameters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventscribe.model import (
    Actor,
    Claim,
    DateAssignment,
    DateValue,
    Doc,
    Event,
    EventType,
    Place,
    PlaceAssignment,
    Provenance,
    Source,
    Span,
    event_id,
)

PLACES = {
    "kauru": Place("Kauru", 2334008, 10.58, 8.15, "NG", "Nigeria", "Kaduna", "Kauru",
                   precision=1),
    "zaria": Place("Zaria", 2319133, 11.09, 7.72, "NG", "Nigeria", "Kaduna", "Zaria",
                   precision=1),
    "kano": Place("Kano", 2335204, 12.00, 8.52, "NG", "Nigeria", "Kano", "Kano", precision=1),
    "kaduna_state": Place("Kaduna State", 2335726, 10.33, 7.75, "NG", "Nigeria", "Kaduna",
                          None, precision=3),
    "nigeria": Place("Nigeria", 2328926, 10.0, 8.0, "NG", "Nigeria", precision=4),
    "lagos": Place("Lagos", 2332459, 6.45, 3.39, "NG", "Nigeria", "Lagos", "Lagos Island",
                   precision=1),
}
TYPES = {
    "attack": EventType("Violence against civilians", "Attack", "ASSAULT"),
    "clash": EventType("Battles", "Armed clash", "ASSAULT", "firearms"),
    "protest": EventType("Protests", "Peaceful protest", "PROTEST", "demo"),
    "arrest": EventType("Strategic developments", "Arrests", "COERCE", "arrest"),
}
_P = Provenance("test", "hand-built")


@dataclass(frozen=True)
class Spec:
    """Parameters of one report."""

    outlet: str
    kind: str = "attack"
    place: str | None = "kauru"
    day: int | None = 1
    """Day of May 2024, or None for undated."""
    span_days: int = 0
    killed: int | None = None
    actor: str = "gunmen"
    target: str = "villagers"
    words: str = "attacked the village at night"


def make_report(spec: Spec, serial: int = 0) -> tuple[Doc, Event]:
    """A document whose text contains every evidence span, and its one event."""
    place = PLACES[spec.place] if spec.place else None
    head = f"{spec.actor.capitalize()} {spec.words}"
    parts = [head, f" {spec.target}"]
    if place:
        parts.append(f" in {place.name}")
    if spec.killed is not None:
        parts.append(f", {spec.killed} killed")
    text = "".join(parts) + f". ({spec.outlet} report {serial})"
    doc = Doc.from_text(text, Source(outlet=spec.outlet, published_at=date(2024, 5, 28)))
    trig_word = spec.words.split()[0]
    t0 = text.index(trig_word)
    trigger = Span.of(text, t0, t0 + len(trig_word))
    actor = Actor(Span.of(text, 0, len(spec.actor)), spec.actor)
    ts = text.index(spec.target)
    target = Actor(Span.of(text, ts, ts + len(spec.target)), spec.target)
    pa = None
    if place:
        ps = text.index(place.name)
        pa = PlaceAssignment(place, Provenance("test", "hand-built",
                                              evidence=(Span.of(text, ps, ps + len(place.name)),)))
    da = None
    if spec.day is not None:
        d0 = date(2024, 5, spec.day)
        d1 = date(2024, 5, spec.day + spec.span_days)
        da = DateAssignment(DateValue(d0, d1, "day" if d0 == d1 else "week"), _P)
    claims: tuple[Claim, ...] = ()
    if spec.killed is not None:
        ks = text.index(f"{spec.killed} killed")
        claims = (Claim("killed", spec.killed, "exact", spec.outlet,
                        (Span.of(text, ks, ks + len(f"{spec.killed} killed")),), _P),)
    etype = TYPES[spec.kind]
    ev = Event(
        id=event_id(doc.id, trigger, etype), doc_id=doc.id, type=etype, trigger=trigger,
        type_provenance=_P, actors=(actor,), targets=(target,), place=pa, date=da,
        claims=claims, evidence=(Span.of(text, 0, len(head)),),
    )
    return doc, ev


def report_dict(spec: Spec, serial: int = 0) -> dict[str, object]:
    """The event JSON of :func:`make_report`."""
    return make_report(spec, serial)[1].to_dict()

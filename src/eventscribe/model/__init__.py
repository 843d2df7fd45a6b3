"""Pure data: documents, spans, provenance, places, dates, claims, actors and events."""

from eventscribe.model.annotated import AnnotatedDoc, Entity
from eventscribe.model.claims import COUNT_KINDS, Claim, CountKind, CountSummary, summarise
from eventscribe.model.dates import DateValue, TimeMention
from eventscribe.model.doc import Doc, Source, content_id
from eventscribe.model.event import (
    Actor,
    Argument,
    DateAssignment,
    Event,
    EventType,
    PlaceAssignment,
    event_id,
)
from eventscribe.model.place import Place, PlaceMention
from eventscribe.model.provenance import Provenance
from eventscribe.model.span import Span

__all__ = [
    "COUNT_KINDS",
    "Actor",
    "AnnotatedDoc",
    "Argument",
    "Claim",
    "CountKind",
    "CountSummary",
    "DateAssignment",
    "DateValue",
    "Doc",
    "Entity",
    "Event",
    "EventType",
    "Place",
    "PlaceAssignment",
    "PlaceMention",
    "Provenance",
    "Source",
    "Span",
    "TimeMention",
    "content_id",
    "event_id",
    "summarise",
]

"""Hand-built events shared by the store and export tests (imported as a module), plus checks
that the fixtures themselves are consistent (every span matches the text)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

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

pytestmark = pytest.mark.unit

TEXT = (
    "Suspected militants attacked a police convoy near Mandera on Saturday, killing 11 officers, "
    "the county commissioner said.\n"
    "The Kenya Red Cross said at least 9 people died and between 12 and 14 were injured.\n"
    "Police later arrested three suspects, the Daily Courier has learned.\n"
    "Traders staged a sit-in over the closure of the border."
)


def span(text: str, phrase: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``phrase`` in ``text``."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(phrase, i + 1)
    return Span.of(text, i, i + len(phrase))


def prov(stage: str, reason: str, *ev: Span) -> Provenance:
    return Provenance(stage=stage, reason=reason, score=0.9, evidence=ev)


def sample_doc(text: str = TEXT, outlet: str | None = "Daily Courier") -> Doc:
    return Doc.from_text(
        text,
        Source(
            url="https://courier.example.ke/news/mandera-attack",
            title="Militants attack police convoy near Mandera",
            published_at=date(2023, 3, 6),
            outlet=outlet,
            path="batch.jsonl:7",
            extractor="text.v1",
        ),
    )


def sample_events(doc: Doc) -> list[Event]:
    """Three events: a located, dated clash with disputed counts; arrests placed only at
    country level; a protest with neither place nor date."""
    t = doc.text
    clash_t = EventType("Battles", "Armed clash", "ASSAULT", "firearms")
    trig = span(t, "attacked")
    mandera = Place(
        name="Mandera", geonameid=187896, lat=3.93726, lon=41.85688, country_code="KE",
        country="Kenya", admin1="Mandera", admin2=None, feature_class="P", feature_code="PPLA",
        population=114718, precision=1,
    )
    clash = Event(
        id=event_id(doc.id, trig, clash_t),
        doc_id=doc.id,
        type=clash_t,
        trigger=trig,
        type_provenance=prov("classify.rules.v1", "'attacked' with a police target", trig),
        actors=(Actor(span(t, "Suspected militants"), "Unidentified militants", "rebel"),),
        targets=(Actor(span(t, "a police convoy"), "Police of Kenya", "state", "KE"),),
        place=PlaceAssignment(
            mandera,
            prov("geoparse.gazetteer.v1", "'near Mandera' in the trigger sentence",
                 span(t, "Mandera")),
        ),
        date=DateAssignment(
            DateValue(date(2023, 3, 4), date(2023, 3, 4), "day", date(2023, 3, 6), "2023-03-04"),
            prov("dates.rules.v2", "'Saturday' before the publication date", span(t, "Saturday")),
        ),
        claims=(
            Claim("killed", 11, "exact", "the county commissioner", (span(t, "11 officers"),),
                  prov("counts.v1", "'killing 11 officers'"), None,
                  span(t, "the county commissioner"), "officers"),
            Claim("killed", 9, "at_least", "Kenya Red Cross", (span(t, "at least 9 people"),),
                  prov("counts.v1", "'at least 9 people died'"), None,
                  span(t, "The Kenya Red Cross")),
            Claim("injured", 12, "range", "Kenya Red Cross", (span(t, "between 12 and 14"),),
                  prov("counts.v1", "'between 12 and 14 were injured'"), 14,
                  span(t, "The Kenya Red Cross")),
        ),
        confidence=0.8123,
        evidence=(span(t, "Suspected militants attacked a police convoy near Mandera"),),
    )
    arrest_t = EventType("Strategic developments", "Arrests", "COERCE", "arrest")
    trig2 = span(t, "arrested")
    kenya = Place(
        name="Kenya", geonameid=192950, lat=1.0, lon=38.0, country_code="KE", country="Kenya",
        feature_class="A", feature_code="PCLI", population=51393010, precision=4,
    )
    arrest = Event(
        id=event_id(doc.id, trig2, arrest_t),
        doc_id=doc.id,
        type=arrest_t,
        trigger=trig2,
        type_provenance=prov("classify.rules.v1", "'arrested'", trig2),
        actors=(Actor(span(t, "Police"), "Police of Kenya", "state", "KE"),),
        targets=(Actor(span(t, "three suspects"), "suspects", None),),
        place=PlaceAssignment(kenya, prov("geoparse.gazetteer.v1", "only the country is known",
                                          span(t, "Kenya"))),
        date=DateAssignment(
            DateValue(date(2023, 2, 27), date(2023, 3, 5), "week", date(2023, 3, 6)),
            prov("dates.rules.v2", "'later': within the week before publication"),
        ),
        claims=(
            Claim("arrested", 3, "exact", "Daily Courier", (span(t, "three suspects"),),
                  prov("counts.v1", "'arrested three suspects'")),
        ),
        confidence=0.6,
        notes=("place is the country only",),
    )
    protest_t = EventType("Protests", "Peaceful protest", "PROTEST", "demo")
    trig3 = span(t, "staged a sit-in")
    protest = Event(
        id=event_id(doc.id, trig3, protest_t),
        doc_id=doc.id,
        type=protest_t,
        trigger=trig3,
        type_provenance=prov("classify.rules.v1", "'sit-in'", trig3),
        actors=(Actor(span(t, "Traders"), "Traders", "protesters"),),
        confidence=0.5,
    )
    return [clash, arrest, protest]


def sample_event_dicts(doc: Doc | None = None) -> list[dict[str, Any]]:
    """Events as exporters receive them: ``to_dict()`` plus ``"doc"`` metadata."""
    doc = doc or sample_doc()
    meta = {
        "url": doc.source.url,
        "title": doc.source.title,
        "outlet": doc.source.outlet,
        "published": doc.source.published_at.isoformat() if doc.source.published_at else None,
    }
    return [{**e.to_dict(), "doc": dict(meta)} for e in sample_events(doc)]


def test_export_fixtures_spans_match_text() -> None:
    from eventscribe.store import event_spans

    doc = sample_doc()
    spans = [s for e in sample_events(doc) for _, s in event_spans(e)]
    assert len(spans) >= 12
    assert all(s.verify(doc.text) for s in spans)


def test_export_fixtures_summary_is_conservative() -> None:
    clash = sample_event_dicts()[0]
    killed = clash["counts"]["killed"]
    assert (killed["best"], killed["low"], killed["high"]) == (9, 9, 11)

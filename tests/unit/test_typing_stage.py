"""Unit tests for the opt-in learned typer stage (hand-built documents, no spaCy)."""

from __future__ import annotations

import pytest

from eventscribe.model import AnnotatedDoc, Doc, Event, Provenance, Span
from eventscribe.resources.lexicon import event_classes
from eventscribe.stages.typing_stage import LearnedTyper, retype

pytestmark = pytest.mark.unit


def _doc(text: str, trigger: str, cls: str) -> AnnotatedDoc:
    doc = Doc.from_text(text)
    i = text.index(trigger)
    span = Span.of(text, i, i + len(trigger))
    ev = Event(id="ev_1", doc_id=doc.id, type=event_classes()[cls].type, trigger=span,
               type_provenance=Provenance("classify.lexicon.v1", "rules", 0.75, (span,)))
    return AnnotatedDoc(doc, sentences=(Span.of(text, 0, len(text)),), events=(ev,))


def test_typing_stage_retypes_a_confident_disagreement_with_provenance() -> None:
    text = "Warplanes pounded the village on Monday, killing six civilians."
    adoc = _doc(text, "killing", "attack")
    (e,) = retype(adoc, "fast", 0.5)
    assert e.type.acled_sub_event_type == "Air/drone strike"
    assert e.type_provenance.stage == "types.learned.v1"
    assert "the rules said Attack" in e.type_provenance.reason
    assert e.type_provenance.evidence == (adoc.sentences[0],)
    assert any("rules type was Attack" in n for n in e.notes)
    assert (e.id, e.trigger) == (adoc.events[0].id, adoc.events[0].trigger)


def test_typing_stage_keeps_events_below_the_threshold_or_in_agreement() -> None:
    text = "Warplanes pounded the village on Monday, killing six civilians."
    adoc = _doc(text, "killing", "attack")
    assert retype(adoc, "fast", 1.0) == adoc.events  # nothing is that confident
    agree = _doc(text, "Warplanes pounded", "air_strike")
    assert retype(agree, "fast", 0.5) == agree.events


def test_typing_stage_contract_and_options() -> None:
    assert LearnedTyper.requires == ("sentences", "events")
    with pytest.raises(ValueError):
        LearnedTyper(variant="huge")
    with pytest.raises(ValueError):
        LearnedTyper(min_confidence=1.5)
    empty = AnnotatedDoc(Doc.from_text("Nothing happened."))
    assert LearnedTyper()(empty) is empty

"""Attribution: quotes, "according to", reporting verbs, possessive reports, the outlet."""

from __future__ import annotations

import pytest

from eventscribe.model import AnnotatedDoc, Doc, Entity, Source, Span
from eventscribe.stages.attribution import attribute, clean_name, quotations

pytestmark = pytest.mark.unit


def doc(text: str, entities: tuple[Entity, ...] = (), outlet: str = "Daily Ledger") -> AnnotatedDoc:
    return AnnotatedDoc(doc=Doc.from_text(text, Source(outlet=outlet)), entities=entities)


def at(text: str, needle: str) -> Span:
    i = text.index(needle)
    return Span.of(text, i, i + len(needle))


def who(text: str, needle: str, entities: tuple[Entity, ...] = ()) -> tuple[str, str]:
    a = attribute(doc(text, entities), at(text, needle))
    return a.source, a.kind


def test_attribution_quote_speaker_named_before_across_sentences():
    text = (
        "The finding was confirmed by Human Rights Watch, who wrote in their 2016 report on "
        "Burundi: “Witnesses described police beating detainees. Officers also shot at the "
        "crowd, killing at least six people, and detained 40 others.”"
    )
    assert who(text, "killing at least six people") == ("Human Rights Watch", "quote")
    assert who(text, "detained 40 others") == ("Human Rights Watch", "quote")


def test_attribution_quote_speaker_named_after():
    text = "“Gunmen stormed the village and killed 12 farmers,” the ministry said on Friday."
    assert who(text, "killed 12 farmers") == ("the ministry", "quote")


def test_attribution_straight_quotes_and_postposed_verb():
    text = '"Seven fishermen were taken hostage," said Coast Guard commander Ali Omar.'
    assert who(text, "Seven fishermen were taken hostage") == (
        "Coast Guard commander Ali Omar", "quote")


def test_attribution_according_to():
    text = "Nine people died in the floods in Kerala, according to the state disaster agency."
    assert who(text, "Nine people died") == ("the state disaster agency", "according_to")


def test_attribution_reporting_verb_before_clause():
    text = "Police in Lahore said on Tuesday that 14 suspects were arrested."
    assert who(text, "14 suspects were arrested") == ("Police in Lahore", "reporting_verb")


def test_attribution_reporting_verb_after_clause():
    text = "Four soldiers were killed in the ambush near Tillaberi, military sources said."
    assert who(text, "Four soldiers were killed") == ("military sources", "reporting_verb")


def test_attribution_uses_entities_when_present():
    text = "Doctors Without Borders told reporters that 30 patients were wounded in Khan Younis."
    ent = Entity(at(text, "Doctors Without Borders"), "ORG")
    source, kind = who(text, "30 patients were wounded", (ent,))
    assert (source, kind) == ("Doctors Without Borders", "reporting_verb")


def test_attribution_passive_reported_is_not_a_speaker():
    text = "Eleven miners were reported killed in the blast in Soma."
    assert who(text, "Eleven miners were reported killed") == ("Daily Ledger", "outlet")


def test_attribution_claimed_the_lives_is_not_a_speaker():
    text = "The landslide in Wayanad claimed the lives of 40 villagers."
    assert who(text, "the lives of 40 villagers") == ("Daily Ledger", "outlet")


def test_attribution_possessive_report():
    text = "UNICEF's latest report counts 22 children killed in the offensive."
    assert who(text, "22 children killed")[0] == "UNICEF"


def test_attribution_headline_tail_and_lead():
    text = "Bomb kills 5 in Mogadishu market - police\nDistrict officials: 3 abducted in Kasai"
    assert who(text, "kills 5") == ("police", "according_to")
    assert who(text, "3 abducted") == ("District officials", "according_to")


def test_attribution_falls_back_to_outlet():
    text = "A car bomb killed 8 people in Kirkuk on Sunday."
    a = attribute(doc(text), at(text, "killed 8 people"))
    assert (a.source, a.kind, a.span) == ("Daily Ledger", "outlet", None)


def test_attribution_span_names_the_source():
    text = "Hospital officials said 17 people were injured in Karachi."
    a = attribute(doc(text), at(text, "17 people were injured"))
    assert a.span is not None and a.span.verify(text) and a.span.text == "Hospital officials"


def test_attribution_quotations_pair_curly_and_straight():
    text = 'He said “one” and “two\n\nNext "three" end'
    qs = [text[a:b] for a, b in quotations(text)]
    assert qs == ["one", "two", "three"]


def test_attribution_clean_name():
    t = "The Syrian Observatory for Human Rights"
    assert clean_name(Span.of(t, 0, len(t))) == "Syrian Observatory for Human Rights"
    t2 = "a police statement"
    assert clean_name(Span.of(t2, 0, len(t2))) == "police"

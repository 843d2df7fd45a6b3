"""Unit tests for assign_event_date and fallback_event_date (hand-built docs)."""

from __future__ import annotations

from datetime import date

import pytest

from eventscribe.model import AnnotatedDoc, Doc, Source, Span
from eventscribe.stages.dates import RuleDateTagger, assign_event_date, fallback_event_date

pytestmark = pytest.mark.unit

WED = date(2023, 3, 15)


def tagged(text: str, published: date | None = WED) -> AnnotatedDoc:
    """A one-sentence doc with its times layer filled by the tagger."""
    doc = Doc.from_text(text, Source(published_at=published))
    return RuleDateTagger()(AnnotatedDoc(doc=doc, sentences=(Span.of(text, 0, len(text)),)))


def trig(adoc: AnnotatedDoc, word: str) -> Span:
    """The span of the first occurrence of ``word``."""
    i = adoc.text.index(word)
    return Span.of(adoc.text, i, i + len(word))


def test_dates_assign_timex_modifying_trigger() -> None:
    a = tagged("Witnesses described the 2009 attack on the camp near Baghdad.")
    got = assign_event_date(a, trig(a, "attack"))
    assert got is not None and got.value.timex == "2009"
    assert "modifies the trigger" in got.provenance.reason
    assert any(s.text == "2009" for s in got.provenance.evidence)


def test_dates_assign_range_with_later_year() -> None:
    a = tagged("During the July 28-29 attack in 2009, troops stormed the camp.", date(2020, 7, 29))
    got = assign_event_date(a, trig(a, "attack"))
    assert got is not None
    assert (got.value.start, got.value.end) == (date(2009, 7, 28), date(2009, 7, 29))
    assert "July 28-29" in got.provenance.reason and "day-range" in got.provenance.reason


def test_dates_assign_skips_report_year() -> None:
    a = tagged("Amnesty wrote in their 2010 report that troops killed nine people in July 2009.")
    got = assign_event_date(a, trig(a, "killed"))
    assert got is not None and got.value.timex == "2009-07"


def test_dates_assign_skips_election_year_for_other_trigger() -> None:
    a = tagged("Youths burned tyres in Kinshasa, angry about the 2018 elections.")
    assert assign_event_date(a, trig(a, "burned")) is None


def test_dates_assign_prefers_same_clause() -> None:
    a = tagged("Police arrested five men on Friday after a bombing on Monday in Quetta.")
    arrest = assign_event_date(a, trig(a, "arrested"))
    bombing = assign_event_date(a, trig(a, "bombing"))
    assert arrest is not None and arrest.value.start == date(2023, 3, 10)
    assert bombing is not None and bombing.value.start == date(2023, 3, 13)


def test_dates_assign_sentence_initial_adverbial() -> None:
    a = tagged("On Tuesday, gunmen stormed a hotel in Mogadishu which had reopened in 2018.")
    got = assign_event_date(a, trig(a, "stormed"))
    assert got is not None and got.value.start == date(2023, 3, 14)


def test_dates_assign_none_without_time_expression() -> None:
    a = tagged("Gunmen stormed a hotel in Mogadishu.")
    assert assign_event_date(a, trig(a, "stormed")) is None


def test_dates_assign_stays_in_the_trigger_sentence() -> None:
    text = "Rebels shelled Aleppo on Monday. Aid convoys were looted."
    doc = Doc.from_text(text, Source(published_at=WED))
    adoc = AnnotatedDoc(doc=doc, sentences=(Span.of(text, 0, 32), Span.of(text, 33, len(text))))
    a = RuleDateTagger()(adoc)
    assert assign_event_date(a, trig(a, "looted")) is None
    shelled = assign_event_date(a, trig(a, "shelled"))
    assert shelled is not None and shelled.value.start == date(2023, 3, 13)


def test_dates_assign_anniversary_governs_only_its_base_event() -> None:
    a = tagged("Thousands in Srebrenica marked the 25th anniversary of the massacre.",
               date(2020, 7, 11))
    base = assign_event_date(a, trig(a, "massacre"))
    assert base is not None and base.value.timex == "1995"
    assert assign_event_date(a, trig(a, "marked")) is None


def test_dates_fallback_is_week_before_publication() -> None:
    got = fallback_event_date(WED)
    assert got is not None
    assert (got.value.start, got.value.end, got.value.precision) == (
        date(2023, 3, 9), WED, "week")
    assert got.provenance.reason.startswith("assumption")


def test_dates_fallback_none_without_publication_date() -> None:
    assert fallback_event_date(None) is None


def test_dates_assign_time_in_another_clause_does_not_govern() -> None:
    # v2: "on Tuesday" dates the arrests in its own clause, not the killing before the comma
    a = tagged("Gunmen killed five people in Kano, and police arrested two men on Tuesday.")
    assert assign_event_date(a, trig(a, "killed")) is None
    got = assign_event_date(a, trig(a, "arrested"))
    assert got is not None and got.value.start == date(2023, 3, 14)
    assert got.provenance.stage == "dates.assign.v2"
